/** Where a user's permission comes from. */
export type PermissionSource =
  | { readonly kind: 'direct' }
  | { readonly kind: 'group'; readonly role: string; readonly groupId: string }
  | {
      readonly kind: 'scimRole';
      readonly role: string;
      readonly value: string;
    };

export interface EffectivePermissionsTable {
  tenant_id: string;
  user_id: string;
  permission: string;
  /** PermissionSource[], sorted by their source key. */
  sources: PermissionSource[];
}

export interface PermissionUsersTable {
  tenant_id: string;
  user_id: string;
  /** userName, lower case: checks by userName ignore case, like SCIM. */
  user_name_key: string;
  active: boolean;
  deleted: boolean;
}

/** The tables readers use; the rest is the projection's private state. */
export interface EffectivePermissionsDatabase {
  effective_permissions: EffectivePermissionsTable;
  users: PermissionUsersTable;
}
