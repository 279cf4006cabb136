import { given } from '../testing/given';
import type { DomainEvent } from '../events/catalog';
import { userDecider } from './user';

const provisioned: DomainEvent = {
  type: 'UserProvisioned',
  data: {
    userId: 'u-1',
    userName: 'ann@example.com',
    origin: 'scim',
    active: true,
    resource: { userName: 'ann@example.com' },
  },
};

const productUser: DomainEvent = {
  type: 'UserProvisioned',
  data: { ...provisioned.data, origin: 'product' } as never,
};

describe('user decider', () => {
  it('provisions a new user', () => {
    given(userDecider)
      .when({ type: 'ProvisionUser', ...provisioned.data } as never)
      .then([provisioned]);
  });

  it('refuses to provision an id twice', () => {
    given(userDecider, [provisioned])
      .when({ type: 'ProvisionUser', ...provisioned.data } as never)
      .thenFails('already-exists');
  });

  it('adopts a user that an admin created before SCIM', () => {
    const resource = { userName: 'ann@example.com', displayName: 'Ann' };
    given(userDecider, [productUser])
      .when({
        type: 'AdoptUser',
        userName: 'ann@example.com',
        active: true,
        resource,
      })
      .then([
        {
          type: 'UserAdopted',
          data: {
            userId: 'u-1',
            userName: 'ann@example.com',
            active: true,
            resource,
          },
        },
      ]);
  });

  it('refuses to adopt a user that SCIM already manages', () => {
    given(userDecider, [provisioned])
      .when({
        type: 'AdoptUser',
        userName: 'ann@example.com',
        active: true,
        resource: {},
      })
      .thenFails('already-exists');
  });

  it('turns an update into attribute and activation events', () => {
    given(userDecider, [provisioned])
      .when({
        type: 'UpdateUser',
        userName: 'ann@example.com',
        active: false,
        resource: { userName: 'ann@example.com', title: 'CTO' },
      })
      .then([
        {
          type: 'UserAttributesChanged',
          data: {
            userId: 'u-1',
            userName: 'ann@example.com',
            resource: { userName: 'ann@example.com', title: 'CTO' },
          },
        },
        { type: 'UserDeactivated', data: { userId: 'u-1' } },
      ]);
  });

  it('emits nothing for an update that changes nothing, whatever the key order', () => {
    const resource = { a: 1, userName: 'ann@example.com' };
    const history: DomainEvent[] = [
      {
        type: 'UserAttributesChanged',
        data: { userId: 'u-1', userName: 'ann@example.com', resource },
      },
    ];
    given(userDecider, [provisioned, ...history])
      .when({
        type: 'UpdateUser',
        userName: 'ann@example.com',
        active: true,
        resource: { userName: 'ann@example.com', a: 1 },
      })
      .then([]);
  });

  it('reactivates a deactivated user', () => {
    given(userDecider, [
      provisioned,
      { type: 'UserDeactivated', data: { userId: 'u-1' } },
    ])
      .when({
        type: 'UpdateUser',
        userName: 'ann@example.com',
        active: true,
        resource: provisioned.data.resource,
      })
      .then([{ type: 'UserReactivated', data: { userId: 'u-1' } }]);
  });

  it('keeps direct grants idempotent', () => {
    const granted: DomainEvent = {
      type: 'DirectPermissionGranted',
      data: { userId: 'u-1', permission: 'billing:read' },
    };
    given(userDecider, [provisioned, granted])
      .when({ type: 'GrantPermission', permission: 'billing:read' })
      .then([]);
    given(userDecider, [provisioned, granted])
      .when({ type: 'RevokePermission', permission: 'billing:read' })
      .then([{ type: 'DirectPermissionRevoked', data: granted.data }]);
  });

  it('refuses every command on a deleted user and on an absent one', () => {
    const deleted: DomainEvent = {
      type: 'UserDeleted',
      data: { userId: 'u-1', userName: 'ann@example.com' },
    };
    given(userDecider, [provisioned, deleted])
      .when({ type: 'DeleteUser' })
      .thenFails('deleted');
    given(userDecider).when({ type: 'DeleteUser' }).thenFails('not-found');
  });
});
