import fc from 'fast-check';
import { ScimError } from '../errors/scim-error';
import { arbitraryUserFilter } from '../testing/arbitraries';
import { parseFilter } from './parse-filter';
import { printFilter } from './print-filter';

const enterprise = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

describe('parseFilter', () => {
  it.each([
    [
      'userName eq "bjensen"',
      {
        kind: 'compare',
        path: { name: 'userName' },
        op: 'eq',
        value: 'bjensen',
      },
    ],
    [
      'name.familyName CO "O\'Malley"',
      {
        kind: 'compare',
        path: { name: 'name', sub: 'familyName' },
        op: 'co',
        value: "O'Malley",
      },
    ],
    ['title pr', { kind: 'present', path: { name: 'title' } }],
    [
      'externalId eq abc123',
      {
        kind: 'compare',
        path: { name: 'externalId' },
        op: 'eq',
        value: 'abc123',
      },
    ],
    [
      'active eq True',
      { kind: 'compare', path: { name: 'active' }, op: 'eq', value: true },
    ],
    [
      'x eq 1.5e3',
      { kind: 'compare', path: { name: 'x' }, op: 'eq', value: 1500 },
    ],
    [
      'x eq null',
      { kind: 'compare', path: { name: 'x' }, op: 'eq', value: null },
    ],
    [
      'x eq "a\\"b\\\\c\\u00e9"',
      { kind: 'compare', path: { name: 'x' }, op: 'eq', value: 'a"b\\cé' },
    ],
    [
      `${enterprise}:manager.value sw "m"`,
      {
        kind: 'compare',
        path: { uri: enterprise, name: 'manager', sub: 'value' },
        op: 'sw',
        value: 'm',
      },
    ],
    [
      'a pr AND NOT (b pr)',
      {
        kind: 'and',
        left: { kind: 'present', path: { name: 'a' } },
        right: {
          kind: 'not',
          filter: { kind: 'present', path: { name: 'b' } },
        },
      },
    ],
    [
      'a pr or b pr and c pr',
      {
        kind: 'or',
        left: { kind: 'present', path: { name: 'a' } },
        right: {
          kind: 'and',
          left: { kind: 'present', path: { name: 'b' } },
          right: { kind: 'present', path: { name: 'c' } },
        },
      },
    ],
    [
      '(a pr or b pr) and c pr',
      {
        kind: 'and',
        left: {
          kind: 'or',
          left: { kind: 'present', path: { name: 'a' } },
          right: { kind: 'present', path: { name: 'b' } },
        },
        right: { kind: 'present', path: { name: 'c' } },
      },
    ],
    [
      'emails[type eq "work" and value co "@example.com"]',
      {
        kind: 'valuePath',
        path: { name: 'emails' },
        filter: {
          kind: 'and',
          left: {
            kind: 'compare',
            path: { name: 'type' },
            op: 'eq',
            value: 'work',
          },
          right: {
            kind: 'compare',
            path: { name: 'value' },
            op: 'co',
            value: '@example.com',
          },
        },
      },
    ],
    [
      'meta.lastModified gt "2011-05-13T04:42:34Z"',
      {
        kind: 'compare',
        path: { name: 'meta', sub: 'lastModified' },
        op: 'gt',
        value: '2011-05-13T04:42:34Z',
      },
    ],
  ])('parses %s', (text, expected) => {
    expect(parseFilter(text)).toEqual(expected);
  });

  it.each([
    'userName eq',
    'userName zz "x"',
    '(a pr',
    'a pr)',
    'emails[type eq "work"',
    'emails[x[y pr]]',
    'x eq "unterminated',
    'x eq "\\q"',
    '',
  ])('refuses %s with invalidFilter', (text) => {
    expect(() => parseFilter(text)).toThrow(
      expect.objectContaining({ scimType: 'invalidFilter' }) as Error,
    );
  });

  it('enforces length, depth and term limits', () => {
    const limits = { maxLength: 100, maxDepth: 3, maxTerms: 2 };

    expect(() => parseFilter(`x eq "${'a'.repeat(100)}"`, limits)).toThrow(
      /longer than 100/,
    );
    expect(() => parseFilter('((((a pr))))', limits)).toThrow(/deeper than 3/);
    expect(() => parseFilter('a pr and b pr and c pr', limits)).toThrow(
      /more than 2 terms/,
    );
    expect(() => parseFilter('a pr', limits)).not.toThrow();
  });

  it('reads back what it prints', () => {
    fc.assert(
      fc.property(arbitraryUserFilter, (filter) => {
        expect(parseFilter(printFilter(filter))).toEqual(filter);
      }),
      { numRuns: Number(process.env['FC_RUNS'] ?? 500), seed: 1 },
    );
  });

  it('throws only ScimError', () => {
    expect(() => parseFilter('"')).toThrow(ScimError);
  });
});
