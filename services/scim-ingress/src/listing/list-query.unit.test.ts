import { defaultScimLimits } from '../scim-limits';
import { parseListQuery } from './list-query';

describe('parseListQuery', () => {
  it('defaults to the first 100 by index, ascending', () => {
    expect(parseListQuery({}, defaultScimLimits)).toEqual({
      filter: undefined,
      sortBy: undefined,
      sortOrder: 'ascending',
      attributes: [],
      excludedAttributes: [],
      paging: { kind: 'index', startIndex: 1, count: 100 },
    });
  });

  it('clamps paging as RFC 7644 says and caps count at the server maximum', () => {
    const clamped = parseListQuery(
      { startIndex: '0', count: '-5' },
      defaultScimLimits,
    );
    const capped = parseListQuery({ count: 1e6 }, defaultScimLimits);

    expect(clamped.paging).toEqual({ kind: 'index', startIndex: 1, count: 0 });
    expect(capped.paging).toMatchObject({
      count: defaultScimLimits.maxPageSize,
    });
  });

  it('reads parameter names in any case, lists with commas, and the last of a repeated one', () => {
    const query = parseListQuery(
      {
        Filter: 'userName eq "a"',
        COUNT: ['5', '7'],
        attributes: 'userName, emails',
        excludedattributes: ['members'],
      },
      defaultScimLimits,
    );

    expect(query).toMatchObject({
      filter: 'userName eq "a"',
      attributes: ['userName', 'emails'],
      excludedAttributes: ['members'],
      paging: { count: 7 },
    });
  });

  it('switches to cursor paging when a cursor is given, even an empty one', () => {
    expect(
      parseListQuery({ cursor: '', count: '10' }, defaultScimLimits).paging,
    ).toEqual({ kind: 'cursor', cursor: '', count: 10 });
  });

  it.each([
    { startIndex: 'abc' },
    { count: '1.5' },
    { sortOrder: 'sideways' },
    { filter: 42 },
  ])('refuses %j', (params) => {
    expect(() => parseListQuery(params, defaultScimLimits)).toThrow(
      expect.objectContaining({ status: 400 }) as Error,
    );
  });
});
