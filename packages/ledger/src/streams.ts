import { normaliseName } from '@roster/domain';
import { streamName } from '@roster/event-store';

/** The stream of each aggregate of a tenant. */
export const streams = {
  tenant: (tenantId: string): string => streamName(tenantId, 'tenant'),
  roles: (tenantId: string): string => streamName(tenantId, 'roles'),
  operations: (tenantId: string): string => streamName(tenantId, 'operations'),
  user: (tenantId: string, userId: string): string =>
    streamName(tenantId, 'user', userId),
  group: (tenantId: string, groupId: string): string =>
    streamName(tenantId, 'group', groupId),
  userName: (tenantId: string, userName: string): string =>
    streamName(tenantId, 'user-name', normaliseName(userName)),
  groupName: (tenantId: string, displayName: string): string =>
    streamName(tenantId, 'group-name', normaliseName(displayName)),
};
