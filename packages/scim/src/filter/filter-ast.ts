import type { AttributePath } from '../schema/attribute-path';

export type CompareOperator =
  'eq' | 'ne' | 'co' | 'sw' | 'ew' | 'gt' | 'ge' | 'lt' | 'le';

export const compareOperators: readonly CompareOperator[] = [
  'eq',
  'ne',
  'co',
  'sw',
  'ew',
  'gt',
  'ge',
  'lt',
  'le',
];

/** A literal; unquoted bare words that are not keywords become strings. */
export type FilterValue = string | number | boolean | null;

export interface CompareFilter {
  readonly kind: 'compare';
  readonly path: AttributePath;
  readonly op: CompareOperator;
  readonly value: FilterValue;
}

export interface PresentFilter {
  readonly kind: 'present';
  readonly path: AttributePath;
}

export interface LogicalFilter {
  readonly kind: 'and' | 'or';
  readonly left: Filter;
  readonly right: Filter;
}

export interface NotFilter {
  readonly kind: 'not';
  readonly filter: Filter;
}

/** `emails[type eq "work"]`: inner paths name sub-attributes. */
export interface ValuePathFilter {
  readonly kind: 'valuePath';
  readonly path: AttributePath;
  readonly filter: Filter;
}

export type Filter =
  CompareFilter | PresentFilter | LogicalFilter | NotFilter | ValuePathFilter;
