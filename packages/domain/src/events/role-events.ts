import { z } from 'zod';

export const roleName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/);
export const permissionName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:/*-]{0,255}$/);

/** Where a role comes from: an IdP group, by id or by name, or a SCIM role. */
export const mappingSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('group'), groupId: z.string().min(1) }),
  z.object({
    kind: z.literal('groupDisplayName'),
    displayName: z.string().min(1),
  }),
  z.object({ kind: z.literal('scimRole'), value: z.string().min(1) }),
]);

export type MappingSource = z.infer<typeof mappingSource>;

export const roleEvents = {
  RoleDefined: z.object({
    role: roleName,
    permissions: z.array(permissionName),
  }),
  RoleRemoved: z.object({ role: roleName }),
  RoleMapped: z.object({
    mappingId: z.string().min(1),
    role: roleName,
    source: mappingSource,
  }),
  RoleUnmapped: z.object({ mappingId: z.string().min(1) }),
};
