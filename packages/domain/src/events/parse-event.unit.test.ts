import { currentVersion } from './catalog';
import { parseEvent, UnreadableEventError } from './parse-event';

describe('parseEvent', () => {
  it('reads UserProvisioned v1 as v2: every v1 user came from SCIM', () => {
    const v1 = { userId: 'u-1', userName: 'ann', active: true, resource: {} };

    expect(currentVersion('UserProvisioned')).toBe(2);
    expect(parseEvent('UserProvisioned', 1, v1)).toEqual({
      type: 'UserProvisioned',
      data: { ...v1, origin: 'scim' },
    });
  });

  it('reads GroupMembershipChanged v1 member ids as user members', () => {
    const v1 = { groupId: 'g-1', added: ['u-1'], removed: ['u-2'] };

    expect(parseEvent('GroupMembershipChanged', 1, v1).data).toEqual({
      groupId: 'g-1',
      added: [{ value: 'u-1', type: 'User' }],
      removed: ['u-2'],
    });
  });

  it('reads current versions unchanged', () => {
    const data = { tenantId: 'acme', name: 'Acme' };
    expect(parseEvent('TenantCreated', 1, data)).toEqual({
      type: 'TenantCreated',
      data,
    });
  });

  it.each([
    ['an unknown type', 'UserTeleported', 1, {}],
    [
      'a version from the future',
      'TenantCreated',
      2,
      { tenantId: 'a', name: 'A' },
    ],
    ['data that fails its schema', 'TenantCreated', 1, { tenantId: 'a' }],
  ])('refuses %s', (_, type, version, data) => {
    expect(() => parseEvent(type, version, data)).toThrow(UnreadableEventError);
  });
});
