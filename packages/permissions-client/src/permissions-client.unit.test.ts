import { retryDelayMs } from './backoff';
import { TenantMemory } from './tenant-memory';

describe('retry delays', () => {
  it('grow exponentially under a cap, with full jitter', () => {
    const top = () => 0.999_999;
    expect(retryDelayMs(0, { baseMs: 50 }, top)).toBe(49);
    expect(retryDelayMs(3, { baseMs: 50 }, top)).toBe(399);
    expect(retryDelayMs(10, { baseMs: 50, maxMs: 1000 }, top)).toBe(999);
    expect(retryDelayMs(3, { baseMs: 50 }, () => 0)).toBe(0);
  });
});

describe('tenant memory', () => {
  const user = (userId: string, active: boolean, deleted = false) => ({
    userId,
    userNameKey: `${userId}@x`,
    active,
    deleted,
    permissions: new Map([['p', [{ kind: 'direct' as const }]]]),
  });

  it('answers allowed only for a live user holding the permission', () => {
    const memory = new TenantMemory();
    memory.replaceAll([
      user('a', true),
      user('b', false),
      user('c', true, true),
    ]);

    expect(memory.answer('a', 'p')).toMatchObject({ allowed: true });
    expect(memory.answer('a', 'q')).toMatchObject({ reason: 'not-granted' });
    expect(memory.answer('b', 'p')).toMatchObject({ reason: 'user-inactive' });
    expect(memory.answer('c', 'p')).toMatchObject({ reason: 'user-deleted' });
    expect(memory.answer('zz', 'p')).toMatchObject({ reason: 'unknown-user' });
    expect(memory.userIdOf({ userName: 'A@X' })).toBe('a');
    expect(memory.userIdOf({ userName: 'c@x' })).toBeUndefined();
  });

  it('forgets replaced users that are gone', () => {
    const memory = new TenantMemory();
    memory.replaceAll([user('a', true)]);
    memory.replaceSome(['a'], []);

    expect(memory.answer('a', 'p')).toMatchObject({ allowed: false });
    expect(memory.userIdOf({ userName: 'a@x' })).toBeUndefined();
  });
});
