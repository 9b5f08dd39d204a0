// Formatting helpers that follow the UI locale.
import type { TranslateFunction } from 'react-admin';

const units: Array<[string, number]> = [
    ['day', 86_400_000],
    ['hour', 3_600_000],
    ['minute', 60_000],
    ['second', 1_000],
];

/** "How long has this waited": the largest whole unit, e.g. "12 dager" (tests use second-long policies). */
export const formatWait = (since: string | undefined, translate: TranslateFunction, now = Date.now()): string => {
    if (!since) return '';
    const elapsed = Math.max(0, now - new Date(since).getTime());
    const [unit, size] = units.find(([, ms]) => elapsed >= ms) ?? units[units.length - 1];
    return translate(`app.duration.${unit}`, { smart_count: Math.floor(elapsed / size) });
};

export const formatDate = (value: string | undefined, locale: string) =>
    value ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(value)) : '';

export const formatNumber = (value: number | null | undefined, locale: string, options?: Intl.NumberFormatOptions) =>
    value === null || value === undefined ? '' : new Intl.NumberFormat(locale, options).format(value);

/** Kroner as the locale writes them, without øre: "400 000 kr", "NOK 400,000". */
export const formatNok = (value: number | null | undefined, locale: string) =>
    formatNumber(value, locale, { style: 'currency', currency: 'NOK', maximumFractionDigits: 0 });
