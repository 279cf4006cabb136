import { z } from 'zod';

/** A unique name (normalised) held by one user or group. */
const reservation = z.object({
  name: z.string().min(1),
  ownerId: z.string().min(1),
});

export const reservationEvents = {
  UserNameClaimed: reservation,
  UserNameReleased: reservation,
  GroupNameClaimed: reservation,
  GroupNameReleased: reservation,
};
