import { randomUUID } from 'node:crypto';
import { DomainError, hashEvent } from '@roster/domain';
import { createEventStore } from '@roster/event-store';
import type { EventStore } from '@roster/event-store';
import { streams } from '../streams';
import type { CommandContext } from './command-context';
import {
  createUser,
  deleteUser,
  setDirectGrant,
  updateUser,
} from './user-commands';

describe('user commands on PGlite', () => {
  let store: EventStore;

  beforeAll(async () => {
    store = await createEventStore({ kind: 'embedded' });
  });

  afterAll(() => store.close());

  const context = (
    tenantId = `t${randomUUID().slice(0, 8)}`,
  ): CommandContext => ({
    store,
    tenantId,
    newId: randomUUID,
    request: {
      tenantId,
      actor: { kind: 'scim-token', id: 'tok-1' },
      requestId: randomUUID(),
      correlationId: 'corr-1',
      userAgent: 'Test/1',
    },
  });
  const write = (userName: string, extra: Record<string, unknown> = {}) => ({
    userName,
    active: true,
    resource: { userName, ...extra },
  });

  it('makes a new id when the one it made names an existing user', async () => {
    const ctx = context();
    const first = await createUser(ctx, write('first@example.com'), 'scim');
    const ids = [first.userId, randomUUID()];
    const clashing = { ...ctx, newId: () => ids.shift() ?? randomUUID() };

    const second = await createUser(
      clashing,
      write('second@example.com'),
      'scim',
    );

    const kept = await store.readStream(
      streams.user(ctx.tenantId, first.userId),
    );
    expect(second.userId).not.toBe(first.userId);
    expect(kept.map((e) => e.type)).toEqual(['UserProvisioned']);
    expect(ids).toEqual([]);
  });

  it('claims the userName and provisions the user in one atomic append', async () => {
    const ctx = context();
    const created = await createUser(ctx, write('Ann@Example.com'), 'scim');

    const claim = await store.readStream(
      streams.userName(ctx.tenantId, 'ann@example.com'),
    );
    const user = await store.readStream(
      streams.user(ctx.tenantId, created.userId),
    );
    expect(claim.map((e) => e.type)).toEqual(['UserNameClaimed']);
    expect(user.map((e) => e.type)).toEqual(['UserProvisioned']);
    expect(user[0]?.metadata).toMatchObject({
      actor: { kind: 'scim-token', id: 'tok-1' },
      userAgent: 'Test/1',
      correlationId: 'corr-1',
      previousHash: null,
    });
  });

  it('chains each event of a stream to the hash of the one before', async () => {
    const ctx = context();
    const { userId } = await createUser(
      ctx,
      write('chain@example.com'),
      'scim',
    );
    await updateUser(ctx, userId, write('chain@example.com', { title: 'A' }));
    await setDirectGrant(ctx, userId, 'docs:read', true);

    const events = await store.readStream(streams.user(ctx.tenantId, userId));
    expect(events).toHaveLength(3);
    for (let i = 1; i < events.length; i++) {
      expect(events[i]?.metadata['previousHash']).toBe(
        hashEvent(events[i - 1] as never),
      );
    }
  });

  it('refuses a second SCIM user with the same userName in any case, writing nothing', async () => {
    const ctx = context();
    await createUser(ctx, write('bob@example.com'), 'scim');

    await expect(
      createUser(ctx, write('BOB@example.com'), 'scim'),
    ).rejects.toMatchObject({ code: 'name-taken' });
    const all = await store.readAll({
      from: '',
      limit: 100,
      tenantId: ctx.tenantId,
    });
    expect(all.events).toHaveLength(2);
  });

  it('takes over a claim whose owner never came to exist (a crash between appends)', async () => {
    const ctx = context();
    const stale = streams.userName(ctx.tenantId, 'crash@example.com');
    await store.append({
      stream: stale,
      expected: 'no-stream',
      events: [
        {
          id: randomUUID(),
          type: 'UserNameClaimed',
          version: 1,
          data: { name: 'crash@example.com', ownerId: 'ghost' },
          metadata: { tenantId: ctx.tenantId },
        },
      ],
    });

    const created = await createUser(ctx, write('crash@example.com'), 'scim');

    const claim = await store.readStream(stale);
    expect(
      claim.map((e) => [e.type, (e.data as { ownerId: string }).ownerId]),
    ).toEqual([
      ['UserNameClaimed', 'ghost'],
      ['UserNameReleased', 'ghost'],
      ['UserNameClaimed', created.userId],
    ]);
  });

  it('adopts a product user once, keeping its id and direct grants', async () => {
    const ctx = context();
    const product = await createUser(ctx, write('old@example.com'), 'product');
    await setDirectGrant(ctx, product.userId, 'billing:read', true);

    const adopted = await createUser(
      ctx,
      write('old@example.com', { displayName: 'Old' }),
      'scim',
    );
    const events = await store.readStream(
      streams.user(ctx.tenantId, product.userId),
    );

    expect(adopted).toMatchObject({ userId: product.userId, adopted: true });
    expect(events.map((e) => e.type)).toEqual([
      'UserProvisioned',
      'DirectPermissionGranted',
      'UserAdopted',
    ]);
    await expect(
      createUser(ctx, write('old@example.com'), 'scim'),
    ).rejects.toBeInstanceOf(DomainError);
  });

  it('moves the reservation on rename and frees the name on delete', async () => {
    const ctx = context();
    const { userId } = await createUser(
      ctx,
      write('first@example.com'),
      'scim',
    );
    await updateUser(ctx, userId, write('second@example.com'));
    const other = await createUser(ctx, write('first@example.com'), 'scim');
    await deleteUser(ctx, userId);
    const again = await createUser(ctx, write('second@example.com'), 'scim');

    expect(other.userId).not.toBe(userId);
    expect(again.userId).not.toBe(userId);
  });

  it('retries a conflicting update so both concurrent changes land', async () => {
    const ctx = context();
    const { userId } = await createUser(ctx, write('race@example.com'), 'scim');

    await Promise.all([
      setDirectGrant(ctx, userId, 'a', true),
      setDirectGrant(ctx, userId, 'b', true),
      setDirectGrant(ctx, userId, 'c', true),
    ]);

    const events = await store.readStream(streams.user(ctx.tenantId, userId));
    expect(
      events.filter((e) => e.type === 'DirectPermissionGranted'),
    ).toHaveLength(3);
  });

  it('refuses an update whose If-Match revision is stale', async () => {
    const ctx = context();
    const { userId } = await createUser(
      ctx,
      write('stale@example.com'),
      'scim',
    );
    await updateUser(
      ctx,
      userId,
      write('stale@example.com', { title: 'x' }),
      0,
    );

    await expect(
      updateUser(ctx, userId, write('stale@example.com', { title: 'y' }), 0),
    ).rejects.toMatchObject({ name: 'PreconditionFailedError' });
  });
});

describe('events that their schema refuses', () => {
  it('are never appended: an empty userName is refused before the store sees it', async () => {
    const store = await createEventStore({ kind: 'embedded' });
    const tenantId = 'tvalid';
    const ctx: CommandContext = {
      store,
      tenantId,
      newId: randomUUID,
      request: {
        tenantId,
        actor: { kind: 'system', id: 't' },
        requestId: randomUUID(),
        correlationId: 'c',
      },
    };

    const refused = createUser(
      ctx,
      { userName: '', active: true, resource: {} },
      'scim',
    );

    await expect(refused).rejects.toMatchObject({ code: 'invalid' });
    expect(
      (await store.readAll({ from: '', limit: 10, tenantId })).events,
    ).toHaveLength(0);
    await store.close();
  });
});
