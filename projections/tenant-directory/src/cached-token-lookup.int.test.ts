import { createHash, randomUUID } from 'node:crypto';
import type { DomainEvent } from '@roster/domain';
import {
  createEventStore,
  streamName,
  type EventStore,
} from '@roster/event-store';
import {
  createProjectionRuntime,
  type ProjectionRuntime,
} from '@roster/projection-runtime';
import { envelope } from '@roster/projection-runtime/testing';
import { openReadStore } from '@roster/read-store';
import { createPgliteClient, type SqlClient } from '@roster/sql';
import { cachedTokenLookup, type TokenLookup } from './cached-token-lookup';
import { createTenantDirectoryReader } from './tenant-directory-reader';
import { tenantDirectoryProjection } from './tenant-directory-projection';

jest.setTimeout(60_000);

const tenantId = 'cache-t';
const ttlMs = 1000;

let events: SqlClient;
let reads: SqlClient;
let store: EventStore;
let runtime: ProjectionRuntime;
let directory: TokenLookup;

beforeAll(async () => {
  events = await createPgliteClient();
  reads = await createPgliteClient();
  store = await createEventStore({ kind: 'sql', client: events });
  const readStore = await openReadStore({ client: reads });
  runtime = createProjectionRuntime({
    store,
    readStore,
    projections: [tenantDirectoryProjection],
    partitions: 1,
  });
  await runtime.start();
  await record({ type: 'TenantCreated', data: { tenantId, name: tenantId } });
  directory = createTenantDirectoryReader(readStore.db);
});

afterAll(async () => {
  await runtime.close();
  await store.close();
  await events.close();
  await reads.close();
});

async function record(event: DomainEvent): Promise<void> {
  await store.append({
    stream: streamName(tenantId, 'tenant'),
    events: [envelope(tenantId, event)],
    expected: 'any',
  });
  await Promise.all(runtime.units().map((unit) => runtime.catchUp(unit)));
}

/** A service token issued in the directory: its id and hash. */
async function issue(): Promise<{ tokenId: string; tokenHash: string }> {
  const tokenId = randomUUID();
  const tokenHash = hashOf(tokenId);
  await record({
    type: 'ServiceTokenIssued',
    data: { tokenId, tokenHash, label: 'svc' },
  });
  return { tokenId, tokenHash };
}

function hashOf(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/**
 * The real directory, whose answers wait until the test releases them:
 * each query reads the directory at once, as a slow connection would,
 * and only its answer is late.
 */
function heldBack(lookup: TokenLookup) {
  const gates: (() => void)[] = [];
  const answers: Promise<unknown>[] = [];
  return {
    count: () => answers.length,
    findToken: (tokenHash: string) => {
      const gate = new Promise<void>((open) => gates.push(open));
      const answer = Promise.all([lookup.findToken(tokenHash), gate]).then(
        ([found]) => found,
      );
      answers.push(answer);
      return answer;
    },
    /** Lets every held answer through, and the cache take them in. */
    release: async () => {
      for (const open of gates.splice(0)) open();
      await Promise.allSettled(answers);
      await new Promise(setImmediate);
    },
  };
}

/** A clock the test moves by hand. */
function handClock() {
  let now = 1_000_000;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

/**
 * A cache on a held-back directory and a hand clock that has found a
 * newly issued token once.
 */
async function cacheThatFoundOne() {
  const { tokenId, tokenHash } = await issue();
  const source = heldBack(directory);
  const clock = handClock();
  const cache = cachedTokenLookup(source, ttlMs, clock.now);
  const first = cache.findToken(tokenHash);
  await source.release();
  await first;
  return { tokenId, tokenHash, source, clock, cache };
}

async function revoke(tokenId: string): Promise<void> {
  await record({ type: 'ServiceTokenRevoked', data: { tokenId } });
}

describe('cachedTokenLookup', () => {
  it('looks a token up once however many requests carry it at once', async () => {
    const { tokenHash } = await issue();
    const source = heldBack(directory);
    const cache = cachedTokenLookup(source, ttlMs);

    const asked = Array.from({ length: 50 }, () => cache.findToken(tokenHash));
    await source.release();
    const found = await Promise.all(asked);

    expect(source.count()).toBe(1);
    expect(new Set(found.map((f) => f?.tenantId))).toEqual(new Set([tenantId]));
  });

  it('answers a token in use at once while it looks it up again', async () => {
    const { tokenHash, source, clock, cache } = await cacheThatFoundOne();

    clock.advance(ttlMs * 0.4);
    expect((await cache.findToken(tokenHash))?.tokenHash).toBe(tokenHash);
    expect(source.count()).toBe(1);

    clock.advance(ttlMs * 0.2);
    const meanwhile = await cache.findToken(tokenHash);
    expect(source.count()).toBe(2);
    expect(meanwhile?.tokenHash).toBe(tokenHash);
    await source.release();

    // Past the first lookup's time: trusted on the renewal's.
    clock.advance(ttlMs * 0.45);
    expect((await cache.findToken(tokenHash))?.tokenHash).toBe(tokenHash);
    expect(source.count()).toBe(2);
  });

  it("counts a token's time from the start of the lookup that found it", async () => {
    const { tokenHash } = await issue();
    const source = heldBack(directory);
    const clock = handClock();
    const cache = cachedTokenLookup(source, ttlMs, clock.now);

    const first = cache.findToken(tokenHash);
    clock.advance(ttlMs * 0.9);
    await source.release();
    await first;
    clock.advance(ttlMs * 0.1);
    const second = cache.findToken(tokenHash);

    expect(source.count()).toBe(2);
    await source.release();
    expect((await second)?.tokenHash).toBe(tokenHash);
  });

  it('shares no lookup older than its time, so a revocation that old holds', async () => {
    const { tokenId, tokenHash, source, clock, cache } =
      await cacheThatFoundOne();

    clock.advance(ttlMs * 0.6);
    await cache.findToken(tokenHash);
    await revoke(tokenId);
    clock.advance(ttlMs * 1.2);
    const late = cache.findToken(tokenHash);
    await source.release();

    expect(source.count()).toBe(3);
    expect(await late).toBeNull();
  });

  it('forgets a revoked token at its renewal, within its time', async () => {
    const { tokenId, tokenHash, source, clock, cache } =
      await cacheThatFoundOne();

    await revoke(tokenId);
    clock.advance(ttlMs * 0.6);
    const trusted = await cache.findToken(tokenHash);
    await source.release();
    const refused = cache.findToken(tokenHash);
    await source.release();

    expect(trusted?.tokenHash).toBe(tokenHash);
    expect(await refused).toBeNull();
    expect(source.count()).toBe(3);
  });

  it('stops trusting a token past its time with no traffic between', async () => {
    const { tokenId, tokenHash } = await issue();
    const clock = handClock();
    const cache = cachedTokenLookup(directory, ttlMs, clock.now);
    await cache.findToken(tokenHash);

    await revoke(tokenId);
    clock.advance(ttlMs);

    expect(await cache.findToken(tokenHash)).toBeNull();
  });

  it('keeps no miss, not even one under way: a token issued since works at once', async () => {
    const tokenId = randomUUID();
    const source = heldBack(directory);
    const clock = handClock();
    const cache = cachedTokenLookup(source, ttlMs, clock.now);
    const before = cache.findToken(hashOf(tokenId));

    await record({
      type: 'ServiceTokenIssued',
      data: { tokenId, tokenHash: hashOf(tokenId), label: 'svc' },
    });
    clock.advance(1);
    const after = cache.findToken(hashOf(tokenId));
    await source.release();
    await source.release();

    expect(await before).toBeNull();
    expect((await after)?.tenantId).toBe(tenantId);
  });

  it('fails a request whose lookup fails, never naming a caller', async () => {
    const client = await createPgliteClient();
    const readStore = await openReadStore({ client });
    const broken = createTenantDirectoryReader(readStore.db);
    await client.close();
    const cache = cachedTokenLookup(broken, ttlMs);

    await expect(cache.findToken(hashOf('any'))).rejects.toThrow();
  });
});
