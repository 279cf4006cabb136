import type { Kysely } from 'kysely';
import type { RuntimeDatabase } from '@roster/read-store';
import { createScimReader } from '@roster/projection-scim-resources';
import type {
  ScimGroupRow,
  ScimReader as ProjectionReader,
  ScimUserRow,
} from '@roster/projection-scim-resources';
import { groupSchemaUrn, userSchemaUrn } from '@roster/scim';
import type { ListRequest, ScimReader, StoredResource } from '../ports';

/** Members are read in pages of this size when a response shows them. */
const memberPage = 10_000;

/** The ingress's reader over the scim-resources projection. */
export function scimReadModel(db: Kysely<RuntimeDatabase>): ScimReader {
  const reader = createScimReader(db);

  return {
    getUser: async (tenantId, id) => {
      const row = await reader.getUser(tenantId, id);
      return row ? userResource(row, row.groups) : null;
    },
    getGroup: async (tenantId, id, withMembers) => {
      const row = await reader.getGroup(tenantId, id);
      if (!row) return null;
      const members = withMembers
        ? await allMembers(reader, tenantId, id)
        : undefined;
      return groupResource(row, members);
    },
    listUsers: async (tenantId, request) => {
      const page = await reader.listUsers(tenantId, listQuery(request));
      return {
        totalResults: page.total,
        resources: page.rows.map((row) => userResource(row)),
      };
    },
    listGroups: async (tenantId, request, withMembers) => {
      const page = await reader.listGroups(tenantId, listQuery(request));
      const resources = await Promise.all(
        page.rows.map(async (row) =>
          groupResource(
            row,
            withMembers
              ? await allMembers(reader, tenantId, row.id)
              : undefined,
          ),
        ),
      );
      return { totalResults: page.total, resources };
    },
    presentMembers: (tenantId, groupId, ids) =>
      reader.hasMembers(tenantId, groupId, ids),
  };
}

function listQuery(request: ListRequest) {
  return {
    offset: request.offset,
    limit: request.limit,
    ...(request.where ? { where: request.where } : {}),
    ...(request.orderBy ? { orderBy: request.orderBy } : {}),
  };
}

// TODO(limit): users in lists carry no `groups`; a single GET has them.
function userResource(
  row: ScimUserRow,
  groups?: readonly { id: string; displayName: string }[],
): StoredResource {
  const resource: Record<string, unknown> = {
    schemas: [userSchemaUrn],
    ...row.resource,
    id: row.id,
    userName: row.userName,
    active: row.active,
    meta: meta('User', row),
  };
  if (groups && groups.length > 0) {
    resource['groups'] = groups.map((group) => ({
      value: group.id,
      display: group.displayName,
      type: 'direct',
    }));
  }
  return { resource, revision: row.version };
}

function groupResource(
  row: ScimGroupRow,
  members?: readonly { value: string; type: string }[],
): StoredResource {
  const resource: Record<string, unknown> = {
    schemas: [groupSchemaUrn],
    ...row.resource,
    id: row.id,
    displayName: row.displayName,
    meta: meta('Group', row),
  };
  if (members) resource['members'] = members;
  return { resource, revision: row.version };
}

function meta(
  resourceType: string,
  row: { created: Date; lastModified: Date },
) {
  return {
    resourceType,
    created: row.created.toISOString(),
    lastModified: row.lastModified.toISOString(),
  };
}

async function allMembers(
  reader: ProjectionReader,
  tenantId: string,
  groupId: string,
) {
  const members: { value: string; type: string }[] = [];
  for (let offset = 0; ; offset += memberPage) {
    const page = await reader.members(tenantId, groupId, {
      offset,
      limit: memberPage,
    });
    members.push(
      ...page.rows.map((row) => ({ value: row.id, type: row.type })),
    );
    if (page.rows.length < memberPage) return members;
  }
}
