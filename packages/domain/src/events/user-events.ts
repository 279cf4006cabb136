import { z } from 'zod';
import { scimResource } from './scim-resource';

const userId = z.string().min(1);

export const userEvents = {
  UserProvisioned: z.object({
    userId,
    userName: z.string().min(1),
    /** `product`: created by an admin before SCIM knew the user. */
    origin: z.enum(['scim', 'product']),
    active: z.boolean(),
    resource: scimResource,
  }),
  UserAdopted: z.object({
    userId,
    userName: z.string().min(1),
    active: z.boolean(),
    resource: scimResource,
  }),
  UserAttributesChanged: z.object({
    userId,
    userName: z.string().min(1),
    resource: scimResource,
  }),
  UserDeactivated: z.object({ userId }),
  UserReactivated: z.object({ userId }),
  UserDeleted: z.object({ userId, userName: z.string().min(1) }),
  DirectPermissionGranted: z.object({ userId, permission: z.string().min(1) }),
  DirectPermissionRevoked: z.object({ userId, permission: z.string().min(1) }),
};
