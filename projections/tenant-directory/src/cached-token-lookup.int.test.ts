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
 * The real directory, counting its lookups; `settled` waits for them and
 * for the cache to take in what they found.
 */
function counted(lookup: TokenLookup) {
  const lookups: Promise<unknown>[] = [];
  return {
    lookups,
    findToken: (tokenHash: string) => {
      const found = lookup.findToken(tokenHash);
      lookups.push(found);
      return found;
    },
    settled: async () => {
      await Promise.all(lookups);
      await new Promise(setImmediate);
    },
  };
}

/** A clock the test moves by hand. */
function handClock() {
  let now = 1_000_000;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

describe('cachedTokenLookup', () => {
  it('looks a token up once however many requests carry it at once', async () => {
    const { tokenHash } = await issue();
    const source = counted(directory);
    const cache = cachedTokenLookup(source, ttlMs);

    const found = await Promise.all(
      Array.from({ length: 50 }, () => cache.findToken(tokenHash)),
    );

    expect(source.lookups).toHaveLength(1);
    expect(new Set(found.map((f) => f?.tenantId))).toEqual(new Set([tenantId]));
  });

  it('renews a token in use past half its time, in the background', async () => {
    const { tokenHash } = await issue();
    const source = counted(directory);
    const clock = handClock();
    const cache = cachedTokenLookup(source, ttlMs, clock.now);
    await cache.findToken(tokenHash);

    clock.advance(ttlMs * 0.4);
    await cache.findToken(tokenHash);
    expect(source.lookups).toHaveLength(1);

    clock.advance(ttlMs * 0.2);
    const renewing = cache.findToken(tokenHash);
    expect(source.lookups).toHaveLength(2);
    await source.settled();

    // Past the first lookup's time: trusted on the renewal's, no wait.
    clock.advance(ttlMs * 0.45);
    const later = await cache.findToken(tokenHash);
    expect(source.lookups).toHaveLength(2);
    expect((await renewing)?.tokenHash).toBe(tokenHash);
    expect(later?.tokenHash).toBe(tokenHash);
  });

  it('forgets a revoked token at its renewal, within its time', async () => {
    const { tokenId, tokenHash } = await issue();
    const source = counted(directory);
    const clock = handClock();
    const cache = cachedTokenLookup(source, ttlMs, clock.now);
    await cache.findToken(tokenHash);

    await record({ type: 'ServiceTokenRevoked', data: { tokenId } });
    clock.advance(ttlMs * 0.6);
    const trusted = await cache.findToken(tokenHash);
    await source.settled();
    const refused = await cache.findToken(tokenHash);

    expect(trusted?.tokenHash).toBe(tokenHash);
    expect(refused).toBeNull();
    expect(source.lookups).toHaveLength(3);
  });

  it('stops trusting a token past its time with no traffic between', async () => {
    const { tokenId, tokenHash } = await issue();
    const clock = handClock();
    const cache = cachedTokenLookup(directory, ttlMs, clock.now);
    await cache.findToken(tokenHash);

    await record({ type: 'ServiceTokenRevoked', data: { tokenId } });
    clock.advance(ttlMs);

    expect(await cache.findToken(tokenHash)).toBeNull();
  });

  it('keeps no miss: a token issued after one works at once', async () => {
    const tokenId = randomUUID();
    const cache = cachedTokenLookup(directory, ttlMs);
    expect(await cache.findToken(hashOf(tokenId))).toBeNull();

    await record({
      type: 'ServiceTokenIssued',
      data: { tokenId, tokenHash: hashOf(tokenId), label: 'svc' },
    });

    expect((await cache.findToken(hashOf(tokenId)))?.tenantId).toBe(tenantId);
  });
});
