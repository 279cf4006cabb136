import { tenantHash, tenantPartition } from './tenant-partition';

describe('tenantPartition', () => {
  it('matches the published FNV-1a test vectors', () => {
    expect(tenantHash('')).toBe(0x811c9dc5);
    expect(tenantHash('a')).toBe(0xe40c292c);
    expect(tenantHash('foobar')).toBe(0xbf9cf968);
  });

  it('puts every tenant into exactly one partition in range', () => {
    const tenants = Array.from({ length: 200 }, (_, i) => `tenant-${i}`);

    const partitions = tenants.map((tenant) => tenantPartition(tenant, 7));

    expect(partitions.every((p) => p >= 0 && p < 7)).toBe(true);
    expect(new Set(partitions).size).toBe(7);
  });

  it('refuses a partition count that is not a positive integer', () => {
    expect(() => tenantPartition('t', 0)).toThrow(RangeError);
    expect(() => tenantPartition('t', 1.5)).toThrow(RangeError);
  });
});
