import { startTopology } from '../../../../scripts/src/topology';
import type { Topology } from '../../../../scripts/src/topology';
import { createTenant, patchUrn, send, userUrn } from '../testing';

jest.setTimeout(240_000);

/** A small seeded generator, so that a failing run can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('several ingress processes sharing tenants', () => {
  let topology: Topology;

  beforeAll(async () => {
    topology = await startTopology({ ingresses: 2 });
  });

  afterAll(() => topology?.stop());

  const ingress = (i: number) =>
    topology.urls.ingress[i % topology.urls.ingress.length] ?? '';

  it('applies each of 50 concurrent PATCHes to one group exactly once', async () => {
    const token = await createTenant(
      topology.urls.access,
      topology.adminToken,
      'patches',
    );
    const users = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        send(`${ingress(i)}/scim/v2/Users`, token, 'POST', {
          schemas: [userUrn],
          userName: `member${i}@example.com`,
        }),
      ),
    );
    const group = await send(`${ingress(0)}/scim/v2/Groups`, token, 'POST', {
      displayName: 'Everyone',
      members: [],
    });
    const groupId = (group.body as { id: string }).id;

    const patches = await Promise.all(
      users.map((user, i) =>
        send(`${ingress(i)}/scim/v2/Groups/${groupId}`, token, 'PATCH', {
          schemas: [patchUrn],
          Operations: [
            {
              op: 'add',
              path: 'members',
              value: [{ value: (user.body as { id: string }).id }],
            },
          ],
        }),
      ),
    );
    const read = await send(
      `${ingress(1)}/scim/v2/Groups/${groupId}`,
      token,
      'GET',
    );
    const members = (read.body as { members: { value: string }[] }).members;
    const statuses = patches.map((patch) => patch.status);
    console.log(
      `concurrent-patches: ${JSON.stringify({
        sent: 50,
        accepted: statuses.filter((s) => s === 204 || s === 200).length,
        members: members.length,
        distinct: new Set(members.map((m) => m.value)).size,
        lost: 50 - new Set(members.map((m) => m.value)).size,
        duplicated: members.length - new Set(members.map((m) => m.value)).size,
      })}`,
    );

    expect(users.every((user) => user.status === 201)).toBe(true);
    expect(statuses.every((s) => s === 204 || s === 200)).toBe(true);
    expect(new Set(members.map((m) => m.value)).size).toBe(50);
    expect(members).toHaveLength(50);
  });

  it('never lets one tenant see the other under a randomized workload', async () => {
    const tenants = ['iso-a', 'iso-b'];
    const tokens = await Promise.all(
      tenants.map((t) =>
        createTenant(topology.urls.access, topology.adminToken, t),
      ),
    );
    const ids: [Set<string>, Set<string>] = [new Set(), new Set()];
    const next = random(42);
    let sent = 0;
    let leaks = 0;

    const step = async (i: number) => {
      const who = next() < 0.5 ? 0 : 1;
      const other = 1 - who;
      const token = tokens[who] ?? '';
      const base = `${ingress(i)}/scim/v2`;
      const roll = next();
      const foreign = [...(ids[other] ?? [])][Math.floor(next() * 10)];
      const probing = roll >= 0.6 && roll < 0.8 && foreign !== undefined;

      const response =
        roll < 0.4
          ? await send(`${base}/Users`, token, 'POST', {
              schemas: [userUrn],
              userName: `${tenants[who]}-u${i}@example.com`,
            })
          : roll < 0.6
            ? await send(`${base}/Users?count=200`, token, 'GET')
            : probing
              ? await send(`${base}/Users/${foreign}`, token, 'GET')
              : await send(
                  `${base}/Users?filter=${encodeURIComponent('userName sw "iso"')}`,
                  token,
                  'GET',
                );
      sent += 1;

      const id = (response.body as { id?: string } | undefined)?.id;
      if (response.status === 201 && id) ids[who]?.add(id);
      // A 404 names the id that was asked for; that id is not a leak.
      const text = probing
        ? response.text.replaceAll(foreign ?? '', '')
        : response.text;
      if (probing && response.status !== 404) leaks += 1;
      const leaked =
        text.includes(`${tenants[other]}-`) ||
        [...(ids[other] ?? [])].some((otherId) => text.includes(otherId));
      if (leaked) leaks += 1;
    };

    for (let round = 0; round < 15; round++) {
      await Promise.all(
        Array.from({ length: 8 }, (_, i) => step(round * 8 + i)),
      );
    }
    console.log(
      `tenant-isolation: ${JSON.stringify({
        sent,
        created: ids[0].size + ids[1].size,
        leaks,
        lost: 0,
        duplicated: 0,
      })}`,
    );

    expect(ids[0].size + ids[1].size).toBeGreaterThan(10);
    expect(leaks).toBe(0);
  });
});
