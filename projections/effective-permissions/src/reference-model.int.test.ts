import fc from 'fast-check';
import { DomainError } from '@roster/domain';
import {
  createTestDatabase,
  type TestDatabase,
} from '@roster/read-store/testing';
import {
  openPermissionsHarness,
  ReferencePermissions,
  tenantActions,
  type PermissionsHarness,
  type TenantActions,
} from './testing';

const PERMISSIONS = ['p1', 'p2', 'p3'];
const ROLES = ['r1', 'r2'];
const SCIM_VALUES = ['v1', 'v2'];
const GROUP_NAMES = ['Eng', 'eng', 'Ops', 'Sales'];

const index = fc.nat({ max: 5 });

const w = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({
  arbitrary,
  weight,
});

const op = fc.oneof(
  w(
    6,
    fc.record({
      kind: fc.constant('member'),
      g: index,
      m: index,
      group: fc.boolean(),
      add: fc.boolean(),
    }),
  ),
  w(
    2,
    fc.record({ kind: fc.constant('setActive'), u: index, on: fc.boolean() }),
  ),
  w(1, fc.record({ kind: fc.constant('deleteUser'), u: index })),
  w(
    2,
    fc.record({
      kind: fc.constant('scimRoles'),
      u: index,
      values: fc.subarray(SCIM_VALUES),
    }),
  ),
  w(
    2,
    fc.record({
      kind: fc.constant('grant'),
      u: index,
      p: fc.constantFrom(...PERMISSIONS),
      on: fc.boolean(),
    }),
  ),
  w(
    1,
    fc.record({
      kind: fc.constant('group'),
      name: fc.constantFrom(...GROUP_NAMES),
    }),
  ),
  w(
    2,
    fc.record({
      kind: fc.constant('rename'),
      g: index,
      name: fc.constantFrom(...GROUP_NAMES),
    }),
  ),
  w(1, fc.record({ kind: fc.constant('deleteGroup'), g: index })),
  w(
    2,
    fc.record({
      kind: fc.constant('defineRole'),
      role: fc.constantFrom(...ROLES),
      permissions: fc.subarray(PERMISSIONS),
    }),
  ),
  w(
    1,
    fc.record({
      kind: fc.constant('removeRole'),
      role: fc.constantFrom(...ROLES),
    }),
  ),
  w(
    4,
    fc.record({
      kind: fc.constant('map'),
      role: fc.constantFrom(...ROLES),
      source: fc.oneof(
        fc.record({ kind: fc.constant('group' as const), g: index }),
        fc.record({
          kind: fc.constant('groupDisplayName' as const),
          name: fc.constantFrom(...GROUP_NAMES),
        }),
        fc.record({
          kind: fc.constant('scimRole' as const),
          value: fc.constantFrom(...SCIM_VALUES),
        }),
      ),
    }),
  ),
  w(1, fc.record({ kind: fc.constant('unmap'), m: index })),
);

type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

function member(g: number, m: number, group: boolean): Op {
  return { kind: 'member', g, m, group, add: true };
}

function nameMapping(role: string, name: string): Op {
  return { kind: 'map', role, source: { kind: 'groupDisplayName', name } };
}

let database: TestDatabase;
const harnesses = new Map<string, PermissionsHarness>();

beforeAll(async () => {
  database = await createTestDatabase();
  harnesses.set(
    'PostgreSQL',
    await openPermissionsHarness({ url: database.url }),
  );
  // PGlite keeps check answers until the next write.
  harnesses.set('PGlite', await openPermissionsHarness());
});

afterAll(async () => {
  for (const h of harnesses.values()) await h.close();
  await database.drop();
});

/** One generated history on a fresh tenant, compared after every step. */
class Run {
  readonly ref = new ReferencePermissions();
  readonly users: string[] = [];
  readonly groups: string[] = [];
  readonly mappings: string[] = [];

  constructor(readonly a: TenantActions) {}

  async start(): Promise<void> {
    for (const name of ['ann', 'bob', 'cy']) {
      const userId = await this.a.user(name);
      this.users.push(userId);
      this.ref.addUser(userId);
    }
    await this.applyRole({
      kind: 'defineRole',
      role: 'r1',
      permissions: ['p1'],
    });
    await this.applyRole({
      kind: 'defineRole',
      role: 'r2',
      permissions: ['p2', 'p3'],
    });
    await this.applyGroupOrRole({ kind: 'group', name: 'Eng' });
    await this.applyGroupOrRole({ kind: 'group', name: 'Ops' });
    // Ops nested in Eng, and Eng mapped by a name in another case.
    await this.applyGroupOrRole(member(0, 1, true));
    await this.applyRole(nameMapping('r1', 'ENG'));
  }

  async step(operation: Op): Promise<void> {
    try {
      await this.apply(operation);
    } catch (error) {
      // The ledger refused it (a taken name, a deleted user): no change.
      if (!(error instanceof DomainError)) throw error;
    }
    await this.compare();
  }

  private pick<T>(list: readonly T[], i: number): T | undefined {
    return list.length === 0 ? undefined : list[i % list.length];
  }

  private async apply(o: Op): Promise<void> {
    const { a, ref } = this;
    const user = 'u' in o ? this.pick(this.users, o.u) : undefined;
    const state = user === undefined ? undefined : ref.users.get(user);

    switch (o.kind) {
      case 'setActive':
        if (!user || !state) return;
        await a.setActive(user, o.on);
        state.active = o.on;
        return;
      case 'deleteUser':
        if (!user || !state) return;
        await a.deleteUser(user);
        state.deleted = true;
        return;
      case 'scimRoles':
        if (!user || !state) return;
        await a.setScimRoles(user, o.values);
        state.scimRoles = new Set(o.values);
        return;
      case 'grant':
        if (!user || !state) return;
        await a.grant(user, o.p, o.on);
        if (o.on) state.grants.add(o.p);
        else state.grants.delete(o.p);
        return;
      default:
        return this.applyGroupOrRole(o);
    }
  }

  private async applyGroupOrRole(o: Op): Promise<void> {
    const { a, ref } = this;
    switch (o.kind) {
      case 'group': {
        const groupId = await a.group(o.name);
        this.groups.push(groupId);
        ref.groups.set(groupId, { name: o.name, members: new Map() });
        return;
      }
      case 'member': {
        const groupId = this.pick(this.groups, o.g);
        const group = groupId ? ref.groups.get(groupId) : undefined;
        const pool = o.group ? this.groups : this.users;
        const member = this.pick(pool, o.m);
        if (!groupId || !group || !member) return;
        if (o.group && !ref.groups.has(member)) return;
        const type = o.group ? ('Group' as const) : ('User' as const);
        if (o.add) {
          await a.members(groupId, [{ value: member, type }]);
          if (!group.members.has(member)) group.members.set(member, type);
        } else {
          await a.members(groupId, [], [member]);
          group.members.delete(member);
        }
        return;
      }
      case 'rename': {
        const groupId = this.pick(this.groups, o.g);
        const group = groupId ? ref.groups.get(groupId) : undefined;
        if (!groupId || !group) return;
        await a.rename(groupId, o.name);
        group.name = o.name;
        return;
      }
      case 'deleteGroup': {
        const groupId = this.pick(this.groups, o.g);
        if (!groupId || !ref.groups.has(groupId)) return;
        await a.deleteGroup(groupId);
        ref.deleteGroup(groupId);
        return;
      }
      default:
        return this.applyRole(o);
    }
  }

  private async applyRole(o: Op): Promise<void> {
    const { a, ref } = this;
    switch (o.kind) {
      case 'defineRole':
        await a.defineRole(o.role, o.permissions);
        ref.roles.set(o.role, new Set(o.permissions));
        return;
      case 'removeRole':
        await a.removeRole(o.role);
        ref.removeRole(o.role);
        return;
      case 'map': {
        const source =
          o.source.kind === 'group'
            ? {
                kind: 'group' as const,
                groupId: this.pick(this.groups, o.source.g) ?? 'none',
              }
            : o.source.kind === 'groupDisplayName'
              ? {
                  kind: 'groupDisplayName' as const,
                  displayName: o.source.name,
                }
              : o.source;
        const mappingId = await a.map(o.role, source);
        this.mappings.push(mappingId);
        ref.mappings.set(mappingId, { role: o.role, source });
        return;
      }
      case 'unmap': {
        const mappingId = this.pick(this.mappings, o.m);
        if (!mappingId) return;
        await a.unmap(mappingId);
        ref.mappings.delete(mappingId);
        return;
      }
      default:
        return;
    }
  }

  private async compare(): Promise<void> {
    const checks = this.users.flatMap((userId) =>
      PERMISSIONS.map((permission) => ({ user: { userId }, permission })),
    );
    const results = await this.a.reader.checkMany(this.a.tenantId, checks);

    results.forEach((result, i) => {
      const check = checks[i];
      if (!check) return;
      const expected =
        this.ref.sourcesOf(check.user.userId).get(check.permission) ?? [];
      const actual = result.sources.map((s) => JSON.stringify(s)).sort();
      expect({ check, sources: actual }).toEqual({ check, sources: expected });
    });
  }
}

it.each(['PostgreSQL', 'PGlite'])(
  'agrees with the reference model after every generated operation, over %s',
  async (store) => {
    const h = harnesses.get(store)!;
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 10, maxLength: 40 }),
        async (ops) => {
          const run = new Run(tenantActions(h, await h.tenant()));
          await run.start();
          for (const operation of ops) await run.step(operation);
        },
      ),
      { seed: 20261204, numRuns: 40, endOnFailure: true },
    );
  },
  300_000,
);
