import { z } from 'zod';
import { memberRef, scimResource } from './scim-resource';

const groupId = z.string().min(1);

export const groupEvents = {
  GroupCreated: z.object({
    groupId,
    displayName: z.string().min(1),
    resource: scimResource,
  }),
  GroupRenamed: z.object({
    groupId,
    previousDisplayName: z.string(),
    displayName: z.string().min(1),
  }),
  GroupAttributesChanged: z.object({ groupId, resource: scimResource }),
  GroupMembershipChanged: z.object({
    groupId,
    added: z.array(memberRef),
    removed: z.array(z.string().min(1)),
  }),
  GroupDeleted: z.object({ groupId, displayName: z.string() }),
};
