import { permissionName, roleName } from '@roster/domain';
import { TENANT_ID_PATTERN } from '@roster/event-store';
import { z } from 'zod';

export const createTenantBody = z.strictObject({
  id: z
    .string()
    .regex(TENANT_ID_PATTERN, 'letters, digits, _ and -, at most 64')
    .optional(),
  name: z.string().trim().min(1).max(256),
});

export const issueTokenBody = z.strictObject({
  label: z.string().max(256).optional(),
});

export const defineRoleBody = z.strictObject({
  permissions: z.array(permissionName).max(10_000),
});

export const createMappingBody = z
  .strictObject({
    role: roleName,
    group: z.string().min(1).max(256).optional(),
    groupDisplayName: z.string().min(1).max(256).optional(),
    scimRole: z.string().min(1).max(256).optional(),
  })
  .refine(
    (body) =>
      [body.group, body.groupDisplayName, body.scimRole].filter(
        (source) => source !== undefined,
      ).length === 1,
    { message: 'give exactly one of group, groupDisplayName, scimRole' },
  );

const email = z.looseObject({
  value: z.string().min(1).max(256),
  type: z.string().max(64).optional(),
  primary: z.boolean().optional(),
});

export const createUserBody = z.strictObject({
  userName: z.string().trim().min(1).max(256),
  displayName: z.string().max(256).optional(),
  emails: z.array(email).max(16).optional(),
});

export { permissionName, roleName };
