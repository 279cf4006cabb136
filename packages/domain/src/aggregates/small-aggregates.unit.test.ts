import { given } from '../testing/given';
import type { DomainEvent } from '../events/catalog';
import { normaliseName, reservationDecider } from './name-reservation';
import { roleCatalogDecider } from './role-catalog';
import { tenantDecider } from './tenant';

const hash = 'a'.repeat(64);

describe('tenant decider', () => {
  const created: DomainEvent = {
    type: 'TenantCreated',
    data: { tenantId: 'acme', name: 'Acme' },
  };

  it('creates a tenant once', () => {
    given(tenantDecider)
      .when({ type: 'CreateTenant', tenantId: 'acme', name: 'Acme' })
      .then([created]);
    given(tenantDecider, [created])
      .when({ type: 'CreateTenant', tenantId: 'acme', name: 'Acme' })
      .thenFails('already-exists');
  });

  it('issues and revokes tokens of each kind separately', () => {
    const issued: DomainEvent = {
      type: 'ScimTokenIssued',
      data: { tokenId: 't-1', tokenHash: hash },
    };
    given(tenantDecider, [created])
      .when({
        type: 'IssueToken',
        kind: 'scim',
        tokenId: 't-1',
        tokenHash: hash,
      })
      .then([issued]);
    given(tenantDecider, [created, issued])
      .when({ type: 'RevokeToken', kind: 'service', tokenId: 't-1' })
      .thenFails('not-found');
    given(tenantDecider, [created, issued])
      .when({ type: 'RevokeToken', kind: 'scim', tokenId: 't-1' })
      .then([{ type: 'ScimTokenRevoked', data: { tokenId: 't-1' } }]);
  });

  it('refuses tokens for a tenant that does not exist', () => {
    given(tenantDecider)
      .when({
        type: 'IssueToken',
        kind: 'scim',
        tokenId: 't-1',
        tokenHash: hash,
      })
      .thenFails('not-found');
  });
});

describe('name reservation decider', () => {
  const claimed: DomainEvent = {
    type: 'UserNameClaimed',
    data: { name: 'ann@example.com', ownerId: 'u-1' },
  };

  it('normalises names case-insensitively', () => {
    expect(normaliseName('Ann@Example.COM')).toBe('ann@example.com');
  });

  it('lets one owner claim, re-claim idempotently, and refuses others', () => {
    const claim = {
      type: 'ClaimName',
      kind: 'userName',
      name: 'ann@example.com',
    } as const;
    given(reservationDecider)
      .when({ ...claim, ownerId: 'u-1' })
      .then([claimed]);
    given(reservationDecider, [claimed])
      .when({ ...claim, ownerId: 'u-1' })
      .then([]);
    given(reservationDecider, [claimed])
      .when({ ...claim, ownerId: 'u-2' })
      .thenFails('name-taken');
  });

  it('frees a name for the next owner once released', () => {
    const released: DomainEvent = {
      type: 'UserNameReleased',
      data: claimed.data,
    };
    given(reservationDecider, [claimed, released])
      .when({
        type: 'ClaimName',
        kind: 'userName',
        name: 'ann@example.com',
        ownerId: 'u-2',
      })
      .then([
        {
          type: 'UserNameClaimed',
          data: { name: 'ann@example.com', ownerId: 'u-2' },
        },
      ]);
  });
});

describe('role catalog decider', () => {
  const defined: DomainEvent = {
    type: 'RoleDefined',
    data: { role: 'admin', permissions: ['a:read', 'a:write'] },
  };
  const mapped: DomainEvent = {
    type: 'RoleMapped',
    data: {
      mappingId: 'm-1',
      role: 'admin',
      source: { kind: 'groupDisplayName', displayName: 'Admins' },
    },
  };

  it('defines a role with sorted distinct permissions, and ignores a same redefinition', () => {
    given(roleCatalogDecider)
      .when({
        type: 'DefineRole',
        role: 'admin',
        permissions: ['a:write', 'a:read', 'a:read'],
      })
      .then([defined]);
    given(roleCatalogDecider, [defined])
      .when({
        type: 'DefineRole',
        role: 'admin',
        permissions: ['a:read', 'a:write'],
      })
      .then([]);
  });

  it('refuses a mapping to an unknown role and a duplicate mapping by case', () => {
    given(roleCatalogDecider)
      .when({
        type: 'MapRole',
        mappingId: 'm-1',
        role: 'admin',
        source: { kind: 'scimRole', value: 'x' },
      })
      .thenFails('not-found');
    given(roleCatalogDecider, [defined, mapped])
      .when({
        type: 'MapRole',
        mappingId: 'm-2',
        role: 'admin',
        source: { kind: 'groupDisplayName', displayName: 'ADMINS' },
      })
      .thenFails('already-exists');
  });

  it('unmaps the mappings of a role it removes', () => {
    given(roleCatalogDecider, [defined, mapped])
      .when({ type: 'RemoveRole', role: 'admin' })
      .then([
        { type: 'RoleUnmapped', data: { mappingId: 'm-1' } },
        { type: 'RoleRemoved', data: { role: 'admin' } },
      ]);
  });
});
