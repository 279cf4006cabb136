import {
  bearerToken,
  generateToken,
  hashToken,
  tokenMatchesHash,
} from './secret-token';

describe('secret tokens', () => {
  it('makes distinct prefixed tokens with 256 random bits', () => {
    const a = generateToken('rst_scim');
    const b = generateToken('rst_scim');

    expect(a).toMatch(/^rst_scim_[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
  });

  it('matches a token only against its own hash', () => {
    const token = generateToken('rst_svc');

    expect(tokenMatchesHash(token, hashToken(token))).toBe(true);
    expect(tokenMatchesHash(`${token}x`, hashToken(token))).toBe(false);
    expect(tokenMatchesHash(token, 'not-hex')).toBe(false);
  });

  it.each([
    ['Bearer abc', 'abc'],
    ['bearer   abc ', 'abc'],
    ['Basic abc', null],
    ['non-token', null],
    ['Bearer', null],
    [undefined, null],
  ])('reads %j as %j', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });
});
