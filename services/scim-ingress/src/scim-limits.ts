/** The limits Roster enforces on SCIM requests and advertises for them. */
export interface ScimLimits {
  /** Largest request body, in bytes. */
  readonly maxBodyBytes: number;
  /** Most operations in one /Bulk request. */
  readonly maxBulkOperations: number;
  /** Most operations in one PATCH request. */
  readonly maxPatchOperations: number;
  /** Largest page of a list or search, whatever `count` asks for. */
  readonly maxPageSize: number;
  /** How long a cursor of RFC 9865 paging stays valid, in seconds. */
  readonly cursorTtlSeconds: number;
}

export const defaultScimLimits: ScimLimits = {
  maxBodyBytes: 4 * 1024 * 1024,
  maxBulkOperations: 1000,
  maxPatchOperations: 1000,
  maxPageSize: 1000,
  cursorTtlSeconds: 3600,
};
