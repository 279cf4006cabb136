import { canonicalJson, hashEvent } from '@roster/domain';
import fc from 'fast-check';
import { canonical, fastHashEvent } from './fast-hash';

describe('the fast canonical hash', () => {
  it('writes the same JSON as canonicalJson for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonical(value)).toBe(canonicalJson(value));
      }),
      { seed: 20261204, numRuns: 2000 },
    );
  });

  it('puts array-index keys first, as canonicalJson does (seed 20261204)', () => {
    const value = { '0': '', '': '', b: 1, '10': 2, '2': 3 };
    expect(canonical(value)).toBe(canonicalJson(value));
  });

  it('hashes an event as hashEvent does, undefined fields included', () => {
    const event = {
      stream: 'tenant:t:user:u',
      revision: 3,
      id: 'e',
      type: 'UserAttributesChanged',
      version: 1,
      data: {
        userId: 'u',
        resource: { b: [1, { z: 'é', a: null }], a: undefined },
      },
      metadata: { previousHash: null, actor: { kind: 'admin', id: 'x' } },
    };
    expect(fastHashEvent(event)).toBe(hashEvent(event));
  });
});
