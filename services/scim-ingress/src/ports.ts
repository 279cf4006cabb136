import type { Expression, RawBuilder, SqlBool } from 'kysely';
import type { Position } from '@roster/event-store';
import type { TenantDirectoryReader } from '@roster/projection-tenant-directory';

/** A resource as the read model holds it, ready for attribute selection. */
export interface StoredResource {
  /** Full SCIM resource: id, schemas, meta (without version) and more. */
  readonly resource: Record<string, unknown>;
  /** Stream revision: the source of `meta.version`. */
  readonly revision: number;
}

export interface ListRequest {
  readonly where: Expression<SqlBool> | undefined;
  readonly orderBy: RawBuilder<unknown> | undefined;
  readonly offset: number;
  readonly limit: number;
}

export interface ListResult {
  readonly totalResults: number;
  readonly resources: readonly StoredResource[];
}

/** What the SCIM ingress reads; the scim-resources projection provides it. */
export interface ScimReader {
  getUser(tenantId: string, id: string): Promise<StoredResource | null>;
  getGroup(
    tenantId: string,
    id: string,
    withMembers: boolean,
  ): Promise<StoredResource | null>;
  listUsers(tenantId: string, request: ListRequest): Promise<ListResult>;
  listGroups(
    tenantId: string,
    request: ListRequest,
    withMembers: boolean,
  ): Promise<ListResult>;
  /** Which of `memberIds` are direct members of the group now. */
  presentMembers(
    tenantId: string,
    groupId: string,
    memberIds: readonly string[],
  ): Promise<ReadonlySet<string>>;
}

/** A tenant's credential, found by the SHA-256 of the presented token. */
export type TokenLookup = Pick<TenantDirectoryReader, 'findToken'>;

/**
 * Read-your-writes: resolves once every read model that serves reads has
 * applied `position` for the tenant; throws ConsistencyTimeoutError.
 */
export interface Consistency {
  afterWrite(tenantId: string, position: Position): Promise<void>;
}
