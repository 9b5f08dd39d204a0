// Records as CSV text that a spreadsheet opens as data, never as formulas: a cell that starts
// with = + - @, a tab or a carriage return would be evaluated by Excel or LibreOffice (CSV
// injection), so it gets a leading apostrophe. Pure: no browser or react-admin imports.

const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell text a spreadsheet shows as typed. */
export const neutraliseCell = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

type Row = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Row =>
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/** Nested objects become dotted columns (`costEstimate.investment`). */
const flatten = (record: Row, prefix = '', into: Row = {}): Row => {
    for (const [key, value] of Object.entries(record)) {
        const column = prefix ? `${prefix}.${key}` : key;
        if (isPlainObject(value)) flatten(value, column, into);
        else into[column] = value;
    }
    return into;
};

const textOf = (value: unknown): string => {
    if (value === null || value === undefined) return '';
    if (value instanceof Date) return value.toISOString();
    if (Array.isArray(value)) return value.map(textOf).join('; ');
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
};

/**
 * Numbers and booleans are written as they are (a negative number is data); everything else is
 * text a person or a mail may have typed, and is neutralised.
 */
export const cellOf = (value: unknown): string =>
    typeof value === 'number' || typeof value === 'boolean' ? String(value) : neutraliseCell(textOf(value));

/** RFC 4180 quoting: fields with a separator, a quote or a line break are quoted. */
const quote = (cell: string) => (/[",\r\n]/.test(cell) || cell !== cell.trim() ? `"${cell.replace(/"/g, '""')}"` : cell);

export const toCsv = (records: readonly Row[]): string => {
    const rows = records.map(record => flatten(record));
    const columns = [...new Set(rows.flatMap(row => Object.keys(row)))];
    const header = columns.map(column => quote(neutraliseCell(column))).join(',');
    const lines = rows.map(row => columns.map(column => quote(cellOf(row[column]))).join(','));
    return [header, ...lines].join('\r\n');
};
