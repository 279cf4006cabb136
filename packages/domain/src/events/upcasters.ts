import { z } from 'zod';

/** Turns the data of one schema version into the data of the next one. */
export type Upcaster = (data: unknown) => unknown;

// v1 predates users created in the product: every user came from SCIM.
const userProvisionedV1 = z.looseObject({ userId: z.string() });

// v1 listed member ids only, before nested groups were members.
const membershipChangedV1 = z.looseObject({ added: z.array(z.string()) });

export const upcasters: Readonly<Record<string, Record<number, Upcaster>>> = {
  UserProvisioned: {
    1: (data) => ({ ...userProvisionedV1.parse(data), origin: 'scim' }),
  },
  GroupMembershipChanged: {
    1: (data) => {
      const v1 = membershipChangedV1.parse(data);
      return {
        ...v1,
        added: v1.added.map((value) => ({ value, type: 'User' })),
      };
    },
  },
};
