// react-admin simple REST list parameters: sort, range and filter, validated before any query.
// Operators built here are marked trusted; mongoose's sanitizeFilter (crud.ts) neutralises any other.
import { isValidObjectId, trusted } from 'mongoose';
import { LIST_PAGE_MAX as MAX_PAGE, LIST_START_MAX } from '../../domain/bounds.js';
import { invalid } from '../errors.js';

export type FilterKind = 'string' | 'boolean' | 'number' | 'id' | 'enum';

export interface ListSpec {
  filters: Record<string, FilterKind>;
  searchFields: string[];
  sortable: string[];
  defaultSort: [string, 'ASC' | 'DESC'];
}

export interface ListQuery {
  where: Record<string, unknown>;
  sort: Record<string, 1 | -1>;
  skip: number;
  limit: number;
  start: number;
}


function parseJson(raw: unknown, field: string): unknown {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') throw invalid({ [field]: 'must be a JSON string' });
  try {
    return JSON.parse(raw);
  } catch {
    throw invalid({ [field]: 'is not valid JSON' });
  }
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function scalar(kind: FilterKind, key: string, value: unknown): unknown {
  if (value === null) return null;
  switch (kind) {
    case 'boolean':
      if (typeof value !== 'boolean') throw invalid({ [`filter.${key}`]: 'must be true or false' });
      return value;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid({ [`filter.${key}`]: 'must be a number' });
      return value;
    case 'id':
      if (typeof value !== 'string' || !isValidObjectId(value)) throw invalid({ [`filter.${key}`]: 'must be an id' });
      return value;
    default:
      if (typeof value !== 'string' || value.length > 500) throw invalid({ [`filter.${key}`]: 'must be a short string' });
      return value;
  }
}

export function parseListQuery(query: Record<string, unknown>, spec: ListSpec): ListQuery {
  const sortRaw = parseJson(query.sort, 'sort') ?? spec.defaultSort;
  if (!Array.isArray(sortRaw) || sortRaw.length !== 2 || typeof sortRaw[0] !== 'string' || !['ASC', 'DESC'].includes(String(sortRaw[1]).toUpperCase())) {
    throw invalid({ sort: 'must be ["field","ASC"|"DESC"]' });
  }
  const [sortField, sortOrder] = sortRaw as [string, string];
  if (!spec.sortable.includes(sortField)) throw invalid({ sort: `cannot sort by ${sortField}; use one of ${spec.sortable.join(', ')}` });

  const rangeRaw = parseJson(query.range, 'range') ?? [0, 24];
  if (!Array.isArray(rangeRaw) || rangeRaw.length !== 2 || !rangeRaw.every((n) => Number.isSafeInteger(n) && n >= 0) || rangeRaw[1] < rangeRaw[0]) {
    throw invalid({ range: 'must be [start, end] with whole numbers, start ≤ end' });
  }
  if (rangeRaw[0] > LIST_START_MAX) throw invalid({ range: `a page starts at ${LIST_START_MAX} at the latest` });
  const [start, end] = rangeRaw as [number, number];
  if (end - start + 1 > MAX_PAGE) throw invalid({ range: `at most ${MAX_PAGE} items per page` });

  const filterRaw = parseJson(query.filter, 'filter') ?? {};
  if (typeof filterRaw !== 'object' || filterRaw === null || Array.isArray(filterRaw)) throw invalid({ filter: 'must be a JSON object' });
  const where: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filterRaw)) {
    if (key === 'q') {
      if (typeof value !== 'string' || value.length > 200) throw invalid({ 'filter.q': 'must be a search text of at most 200 characters' });
      if (value.trim() && spec.searchFields.length) {
        const pattern = new RegExp(escapeRegex(value.trim()), 'i');
        where.$or = spec.searchFields.map((field) => ({ [field]: pattern }));
      }
      continue;
    }
    if (key === 'id') {
      const ids = Array.isArray(value) ? value : [value];
      if (ids.length > MAX_PAGE) throw invalid({ 'filter.id': `at most ${MAX_PAGE} ids` });
      where._id = trusted({ $in: ids.map((id) => scalar('id', 'id', id)) });
      continue;
    }
    // Own keys only: `constructor` or `__proto__` must not find Object's and pass as a filter.
    const kind = Object.hasOwn(spec.filters, key) ? spec.filters[key] : undefined;
    if (!kind) throw invalid({ [`filter.${key}`]: `cannot filter by ${key}` });
    if (Array.isArray(value)) {
      if (value.length > 100) throw invalid({ [`filter.${key}`]: 'at most 100 values' });
      where[key] = trusted({ $in: value.map((v) => scalar(kind, key, v)) });
    } else {
      where[key] = scalar(kind, key, value);
    }
  }
  return {
    where,
    sort: { [sortField === 'id' ? '_id' : sortField]: sortOrder.toUpperCase() === 'ASC' ? 1 : -1, ...(sortField === 'id' ? {} : { _id: 1 }) },
    skip: start,
    limit: end - start + 1,
    start,
  };
}
