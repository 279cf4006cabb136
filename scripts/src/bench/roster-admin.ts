import { createHttpTarget } from './http-target';
import type { HttpTarget } from './http-target';
import type { RosterServer } from './roster-server';

export interface BenchTenant {
  readonly tenantId: string;
  /** SCIM at /scim/v2 with the tenant's token. */
  readonly scim: HttpTarget;
}

/** The operator's view of a running Roster: tenants, tokens, roles. */
export interface RosterAdmin {
  readonly createTenant: (
    tenantId: string,
    sockets: number,
  ) => Promise<BenchTenant>;
  /** A tenant that exists already, with a SCIM token it accepts. */
  openTenant(tenantId: string, token: string, sockets: number): BenchTenant;
  serviceToken(tenantId: string): Promise<string>;
  putRole(tenantId: string, role: string, permissions: string[]): Promise<void>;
  mapGroup(tenantId: string, role: string, groupId: string): Promise<void>;
  close(): void;
}

export function rosterAdmin(server: RosterServer): RosterAdmin {
  const admin = createHttpTarget({
    baseUrl: `${server.accessUrl}/admin/v1`,
    token: server.adminToken,
    sockets: 4,
    contentType: 'application/json',
  });
  const opened: HttpTarget[] = [];
  const openTenant = (tenantId: string, token: string, sockets: number) => {
    const scim = createHttpTarget({
      baseUrl: `${server.scimUrl}/scim/v2`,
      token,
      sockets,
    });
    opened.push(scim);
    return { tenantId, scim };
  };

  return {
    createTenant: async (tenantId, sockets) => {
      await admin.json('POST', '/tenants', { id: tenantId, name: tenantId });
      const { token } = await admin.json<{ token: string }>(
        'POST',
        `/tenants/${tenantId}/scim-tokens`,
        { label: 'bench' },
      );
      return openTenant(tenantId, token, sockets);
    },
    openTenant,
    serviceToken: async (tenantId) => {
      const path = `/tenants/${tenantId}/service-tokens`;
      const reply = await admin.json<{ token: string }>('POST', path, {});
      return reply.token;
    },
    putRole: async (tenantId, role, permissions) => {
      const path = `/tenants/${tenantId}/roles/${role}`;
      await admin.json('PUT', path, { permissions });
    },
    mapGroup: async (tenantId, role, group) => {
      const path = `/tenants/${tenantId}/role-mappings`;
      await admin.json('POST', path, { role, group });
    },
    close: () => {
      admin.close();
      for (const target of opened) target.close();
    },
  };
}
