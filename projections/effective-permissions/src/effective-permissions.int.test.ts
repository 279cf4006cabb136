import { createAccessIntervalsReader } from '@roster/projection-access-intervals';
import {
  createTestDatabase,
  type TestDatabase,
} from '@roster/read-store/testing';
import {
  groupRef,
  openPermissionsHarness,
  tenantActions,
  userRef,
  type PermissionsHarness,
  type TenantActions,
} from './testing';

let database: TestDatabase;
let h: PermissionsHarness;
let a: TenantActions;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(() => database.drop());

// PGlite keeps check answers until the next write: the same tests hold.
describe.each(['PostgreSQL', 'PGlite'])('over %s', (store) => {
  beforeAll(async () => {
    h = await openPermissionsHarness(
      store === 'PGlite' ? {} : { url: database.url },
    );
  });

  afterAll(() => h.close());

  beforeEach(async () => {
    a = tenantActions(h, await h.tenant());
  });

  describe('sources of a permission', () => {
    it('grants and revokes directly', async () => {
      const ann = await a.user('ann');
      await a.grant(ann, 'docs:read');

      expect(await a.check(ann, 'docs:read')).toEqual({
        allowed: true,
        userId: ann,
        sources: [{ kind: 'direct' }],
      });
      await a.grant(ann, 'docs:read', false);
      expect(await a.check(ann, 'docs:read')).toMatchObject({
        allowed: false,
        reason: 'not-granted',
      });
    });

    it('follows a group mapped by id', async () => {
      const ann = await a.user('ann');
      const staff = await a.group('Staff', [userRef(ann)]);
      await a.defineRole('reader', ['docs:read']);
      await a.map('reader', { kind: 'group', groupId: staff });

      expect(await a.check(ann, 'docs:read')).toMatchObject({
        allowed: true,
        sources: [{ kind: 'group', role: 'reader', groupId: staff }],
      });
    });

    it('matches a group name ignoring case and follows renames', async () => {
      const ann = await a.user('ann');
      const group = await a.group('Sales Team', [userRef(ann)]);
      await a.defineRole('seller', ['crm:write']);
      await a.map('seller', {
        kind: 'groupDisplayName',
        displayName: 'sales team',
      });
      expect(await a.allowed(ann, 'crm:write')).toBe(true);

      await a.rename(group, 'Marketing');
      expect(await a.allowed(ann, 'crm:write')).toBe(false);
      await a.rename(group, 'SALES TEAM');
      expect(await a.allowed(ann, 'crm:write')).toBe(true);
    });

    it('follows a SCIM role value until a PATCH clears the roles', async () => {
      const ann = await a.user('ann', ['Admin']);
      await a.defineRole('admin', ['billing:*']);
      await a.map('admin', { kind: 'scimRole', value: 'Admin' });

      expect(await a.check(ann, 'billing:*')).toMatchObject({
        allowed: true,
        sources: [{ kind: 'scimRole', role: 'admin', value: 'Admin' }],
      });
      await a.setScimRoles(ann, []);
      expect(await a.allowed(ann, 'billing:*')).toBe(false);
    });

    it('unions every source and lists each', async () => {
      const ann = await a.user('ann', ['r']);
      const g = await a.group('G', [userRef(ann)]);
      await a.defineRole('role', ['p']);
      await a.map('role', { kind: 'group', groupId: g });
      await a.map('role', { kind: 'scimRole', value: 'r' });
      await a.grant(ann, 'p');

      const result = await a.check(ann, 'p');
      expect(result.sources).toHaveLength(3);
      await a.grant(ann, 'p', false);
      await a.setScimRoles(ann, []);
      expect((await a.check(ann, 'p')).sources).toEqual([
        { kind: 'group', role: 'role', groupId: g },
      ]);
    });
  });

  describe('nested groups', () => {
    it('reaches roles through nesting and survives a cycle', async () => {
      const ann = await a.user('ann');
      const inner = await a.group('Inner', [userRef(ann)]);
      const outer = await a.group('Outer', [groupRef(inner)]);
      await a.members(inner, [groupRef(outer)]); // a cycle
      await a.defineRole('r', ['p']);
      await a.map('r', { kind: 'group', groupId: outer });

      expect(await a.check(ann, 'p')).toMatchObject({
        allowed: true,
        sources: [{ kind: 'group', role: 'r', groupId: outer }],
      });
      await a.members(outer, [], [inner]);
      expect(await a.allowed(ann, 'p')).toBe(false);
    });
  });

  describe('revocation is visible when the write returns', () => {
    let ann: string;
    let group: string;

    beforeEach(async () => {
      ann = await a.user('ann');
      group = await a.group('Staff', [userRef(ann), userRef('someone-else')]);
      await a.defineRole('reader', ['docs:read']);
      await a.map('reader', { kind: 'group', groupId: group });
      expect(await a.allowed(ann, 'docs:read')).toBe(true);
    });

    it('on deactivation, and back on reactivation', async () => {
      await a.setActive(ann, false);
      expect(await a.check(ann, 'docs:read')).toMatchObject({
        allowed: false,
        reason: 'user-inactive',
      });
      await a.setActive(ann, true);
      expect(await a.allowed(ann, 'docs:read')).toBe(true);
    });

    it('on deletion', async () => {
      await a.grant(ann, 'x');
      await a.deleteUser(ann);
      expect(await a.check(ann, 'docs:read')).toMatchObject({
        allowed: false,
        reason: 'user-deleted',
      });
      expect(await a.allowed(ann, 'x')).toBe(false);
    });

    it('on removal by a value array (Entra)', async () => {
      await a.members(group, [], [ann]);
      expect(await a.allowed(ann, 'docs:read')).toBe(false);
    });

    it('on removal of every member (Okta members replace)', async () => {
      await a.members(group, [], 'all');
      expect(await a.allowed(ann, 'docs:read')).toBe(false);
    });

    it('when the group is deleted', async () => {
      await a.deleteGroup(group);
      expect(await a.allowed(ann, 'docs:read')).toBe(false);
    });

    it('when the role is redefined while members hold it', async () => {
      await a.defineRole('reader', ['docs:list']);
      expect(await a.allowed(ann, 'docs:read')).toBe(false);
      expect(await a.allowed(ann, 'docs:list')).toBe(true);
    });

    it('when the mapping is removed', async () => {
      const mappingId = await a.map('reader', {
        kind: 'groupDisplayName',
        displayName: 'STAFF',
      });
      const [byId] = (await a.check(ann, 'docs:read')).sources;
      expect(byId).toEqual({ kind: 'group', role: 'reader', groupId: group });

      await a.unmap(mappingId);
      expect(await a.allowed(ann, 'docs:read')).toBe(true);
      await a.removeRole('reader');
      expect(await a.allowed(ann, 'docs:read')).toBe(false);
    });
  });

  describe('users', () => {
    it('keeps direct grants of a product user when SCIM adopts it', async () => {
      const bob = await a.productUser('bob@example.com');
      await a.grant(bob, 'reports:read');
      const adopted = await a.user('BOB@example.com');

      expect(adopted).toBe(bob);
      expect(await a.allowed(bob, 'reports:read')).toBe(true);
    });

    it('answers an unknown user with a reason, not an error', async () => {
      expect(await a.check('nobody', 'p')).toEqual({
        allowed: false,
        userId: null,
        sources: [],
        reason: 'unknown-user',
      });
    });

    it('checks by userName, ignoring case, many at once', async () => {
      const ann = await a.user('Ann@Example.com');
      await a.grant(ann, 'p');
      expect(await a.reader.userPermissions('other-tenant', ann)).toBeNull();

      const results = await a.reader.checkMany(tenantOf(a), [
        { user: { userName: 'ann@example.COM' }, permission: 'p' },
        { user: { userId: ann }, permission: 'q' },
        { user: { userName: 'nobody' }, permission: 'p' },
      ]);
      expect(results.map((r) => r.allowed)).toEqual([true, false, false]);
      expect(results[0]?.userId).toBe(ann);
    });
  });

  describe('access intervals', () => {
    it('answers who held a permission at an instant', async () => {
      const ann = await a.user('ann');
      await a.grant(ann, 'p');
      const during = new Date();
      // Intervals are half-open and times are in milliseconds: the deactivation
      // must fall in a later millisecond than `during`.
      await nextMillisecond(during);
      await a.setActive(ann, false);
      const after = new Date(Date.now() + 1);

      const intervals = createAccessIntervalsReader(h.readStore.db);
      const tenantId = tenantOf(a);
      expect(
        (await intervals.holdersAt(tenantId, 'p', during)).map((i) => i.userId),
      ).toEqual([ann]);
      expect(await intervals.holdersAt(tenantId, 'p', after)).toEqual([]);
      const [interval] = await intervals.history(tenantId, ann);
      expect(interval?.revokedAt).not.toBeNull();
    });
  });

  function tenantOf(actions: TenantActions): string {
    return actions.tenantId;
  }

  async function nextMillisecond(after: Date): Promise<void> {
    while (Date.now() <= after.getTime()) {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }
});
