/** Where a permission comes from, as effective-permissions names it. */
export type PermissionSource =
  | { readonly kind: 'direct' }
  | { readonly kind: 'group'; readonly role: string; readonly groupId: string }
  | {
      readonly kind: 'scimRole';
      readonly role: string;
      readonly value: string;
    };

export interface HeldPermission {
  readonly permission: string;
  /** Sorted by their key (see sourceKey). */
  readonly sources: PermissionSource[];
}

/** The text that orders sources, as the projection's `source_key`. */
export function sourceKey(source: PermissionSource): string {
  switch (source.kind) {
    case 'direct':
      return 'direct';
    case 'group':
      return `group|${source.role}|${source.groupId}`;
    case 'scimRole':
      return `scimRole|${source.role}|${source.value}`;
  }
}
