import { ScimError } from '@roster/scim';
import type { ScimLimits } from '../scim-limits';

/** A list or search request, validated; paging already clamped. */
export interface ListQuery {
  readonly filter: string | undefined;
  readonly sortBy: string | undefined;
  readonly sortOrder: 'ascending' | 'descending';
  readonly attributes: readonly string[];
  readonly excludedAttributes: readonly string[];
  readonly paging: Paging;
}

export type Paging =
  | {
      readonly kind: 'index';
      readonly startIndex: number;
      readonly count: number;
    }
  | {
      readonly kind: 'cursor';
      readonly cursor: string;
      readonly count: number;
    };

const defaultPageSize = 100;

/** Larger start indexes are read as this one: past any real result. */
const maxStartIndex = 2 ** 31 - 1;

/**
 * Reads list parameters from a query string or a /.search body. Values a
 * client sends as strings or numbers are both accepted.
 */
export function parseListQuery(
  params: Readonly<Record<string, unknown>>,
  limits: ScimLimits,
): ListQuery {
  const get = (name: string) => valueOf(params, name);

  const count = clamp(
    integer('count', get('count')) ?? defaultPageSize,
    0,
    limits.maxPageSize,
  );
  const cursor = get('cursor');
  const paging: Paging =
    cursor === undefined
      ? {
          kind: 'index',
          startIndex: clamp(
            integer('startIndex', get('startIndex')) ?? 1,
            1,
            maxStartIndex,
          ),
          count,
        }
      : { kind: 'cursor', cursor: text('cursor', cursor), count };

  return {
    filter: optionalText('filter', get('filter')),
    sortBy: optionalText('sortBy', get('sortBy')),
    sortOrder: sortOrder(get('sortOrder')),
    attributes: attributeList('attributes', get('attributes')),
    excludedAttributes: attributeList(
      'excludedAttributes',
      get('excludedAttributes'),
    ),
    paging,
  };
}

/** Parameter names are matched case-insensitively, as IdPs vary. */
function valueOf(
  params: Readonly<Record<string, unknown>>,
  name: string,
): unknown {
  const key = Object.keys(params).find(
    (k) => k.toLowerCase() === name.toLowerCase(),
  );
  return key === undefined ? undefined : params[key];
}

/** A repeated query parameter counts once: the last one wins. */
function scalar(value: unknown): unknown {
  return Array.isArray(value) ? (value as unknown[]).at(-1) : value;
}

function integer(name: string, raw: unknown): number | undefined {
  const value = scalar(raw);
  if (value === undefined || value === '') return undefined;

  const parsed =
    typeof value === 'number'
      ? value
      : typeof value === 'string'
        ? Number(value.trim())
        : NaN;
  if (!Number.isInteger(parsed) || !Number.isFinite(parsed)) {
    throw ScimError.badRequest(
      'invalidValue',
      `${name} must be an integer, got ${JSON.stringify(value)}`,
    );
  }
  return parsed;
}

function text(name: string, raw: unknown): string {
  const value = scalar(raw);
  if (typeof value !== 'string') {
    throw ScimError.badRequest('invalidValue', `${name} must be a string`);
  }
  return value;
}

function optionalText(name: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = text(name, value).trim();
  return trimmed === '' ? undefined : trimmed;
}

function sortOrder(value: unknown): 'ascending' | 'descending' {
  const order = optionalText('sortOrder', value)?.toLowerCase();
  if (order === undefined || order === 'ascending') return 'ascending';
  if (order === 'descending') return 'descending';
  throw ScimError.badRequest(
    'invalidValue',
    'sortOrder must be "ascending" or "descending"',
  );
}

/** `attributes` or `excludedAttributes`: names, comma-separated or repeated. */
export function attributeList(name: string, value: unknown): string[] {
  if (value === undefined) return [];
  const items = Array.isArray(value) ? value : text(name, value).split(',');
  return items
    .map((item) => text(name, item).trim())
    .filter((item) => item !== '');
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
