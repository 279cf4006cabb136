import { createHash } from 'node:crypto';
import { canonicalJson, hashEvent } from './hash-chain';

const event = {
  stream: 'tenant:acme:user:u-1',
  revision: 0,
  id: '00000000-0000-4000-8000-000000000001',
  type: 'UserDeactivated',
  version: 1,
  data: { userId: 'u-1' },
  metadata: { tenantId: 'acme', previousHash: null },
};

describe('hash chain', () => {
  it('sorts keys at every depth and drops undefined fields', () => {
    expect(canonicalJson({ b: [{ y: 1, x: 2 }], a: undefined, c: null })).toBe(
      '{"b":[{"x":2,"y":1}],"c":null}',
    );
  });

  it('hashes equal events alike whatever their key order', () => {
    const reordered = {
      ...event,
      metadata: { previousHash: null, tenantId: 'acme' },
    };
    expect(hashEvent(reordered)).toBe(hashEvent(event));
    expect(hashEvent(event)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is the SHA-256 (hex) of the canonical JSON of the covered fields', () => {
    const text = canonicalJson({ ...event, ignored: undefined });
    expect(hashEvent(event)).toBe(
      createHash('sha256').update(text).digest('hex'),
    );
  });

  it('changes with any covered field', () => {
    const base = hashEvent(event);
    expect(hashEvent({ ...event, revision: 1 })).not.toBe(base);
    expect(hashEvent({ ...event, data: { userId: 'u-2' } })).not.toBe(base);
    expect(
      hashEvent({
        ...event,
        metadata: { ...event.metadata, previousHash: 'f'.repeat(64) },
      }),
    ).not.toBe(base);
  });
});
