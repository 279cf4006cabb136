import fc from 'fast-check';
import { canonicalJson } from './hash-chain';

/** The obvious definition: sorted copies, then JSON.stringify. */
function reference(value: unknown): string {
  const sorted = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sorted);
    if (v === null || typeof v !== 'object') return v;
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, field]) => [k, sorted(field)]));
  };
  return JSON.stringify(sorted(value));
}

describe('canonicalJson', () => {
  it('writes what sorting copies and stringifying writes, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).toBe(reference(value));
      }),
      { seed: 20261204, numRuns: 2000 },
    );
  });

  it('puts array-index keys first, as objects keep them (seed 20261204)', () => {
    const value = { '0': '', '': '', b: 1, '10': 2, '2': 3 };
    expect(canonicalJson(value)).toBe(reference(value));
  });
});
