/** Bounds on a filter; each breach is an invalidFilter error. */
export interface FilterLimits {
  /** Characters, default 4,096. */
  readonly maxLength: number;
  /** Nesting of parentheses, `not` and `[...]`, default 16. */
  readonly maxDepth: number;
  /** Comparisons and `pr` terms, default 64. */
  readonly maxTerms: number;
}

export const defaultFilterLimits: FilterLimits = {
  maxLength: 4096,
  maxDepth: 16,
  maxTerms: 64,
};
