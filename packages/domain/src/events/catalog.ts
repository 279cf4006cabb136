import type { z } from 'zod';
import { auditEvents } from './audit-events';
import { groupEvents } from './group-events';
import { operationsEvents } from './operations-events';
import { reservationEvents } from './reservation-events';
import { roleEvents } from './role-events';
import { tenantEvents } from './tenant-events';
import { upcasters } from './upcasters';
import { userEvents } from './user-events';

/** Every event of the ledger: its type and the schema of its current data. */
export const eventSchemas = {
  ...tenantEvents,
  ...userEvents,
  ...groupEvents,
  ...reservationEvents,
  ...roleEvents,
  ...operationsEvents,
  ...auditEvents,
};

export type EventType = keyof typeof eventSchemas;

export type EventData<T extends EventType> = z.infer<(typeof eventSchemas)[T]>;

/** A domain event: a type in the past tense and its data. */
export type DomainEvent = {
  [T in EventType]: { readonly type: T; readonly data: EventData<T> };
}[EventType];

export type EventOf<T extends EventType> = Extract<DomainEvent, { type: T }>;

/** The schema version written today; older versions are upcast on read. */
export function currentVersion(type: EventType): number {
  const steps = Object.keys(upcasters[type] ?? {});
  return steps.length + 1;
}

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(eventSchemas, type);
}
