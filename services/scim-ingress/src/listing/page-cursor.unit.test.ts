import { ScimError } from '@roster/scim';
import { decodeCursor, encodeCursor, queryFingerprint } from './page-cursor';

describe('page cursors', () => {
  const query = queryFingerprint([
    'User',
    'userName sw "a"',
    undefined,
    'ascending',
  ]);

  it('round-trips an offset for the query it was issued for', () => {
    const cursor = encodeCursor({ offset: 200, query, issuedAt: 1000 });

    expect(decodeCursor(cursor, query, 3600, 1500)).toBe(200);
    expect(decodeCursor('', query, 3600, 1500)).toBe(0);
  });

  it.each([
    ['garbage', 'not base64 json', 'invalidCursor'],
    [
      'another query',
      encodeCursor({
        offset: 5,
        query: queryFingerprint(['Group']),
        issuedAt: 1000,
      }),
      'invalidCursor',
    ],
    [
      'an old cursor',
      encodeCursor({ offset: 5, query, issuedAt: 1000 }),
      'expiredCursor',
    ],
  ])('refuses %s', (_name, cursor, scimType) => {
    let caught: unknown;
    try {
      decodeCursor(cursor, query, 3600, 1000 + 3601);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ScimError);
    expect((caught as ScimError).scimType).toBe(scimType);
  });
});
