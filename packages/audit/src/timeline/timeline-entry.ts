import type { Actor } from '@roster/domain';

/** One attribute before and after an event; null when absent. */
export interface AttributeChange {
  readonly attribute: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** One event of a user's or group's stream, told for an auditor. */
export interface TimelineEntry {
  readonly revision: number;
  readonly eventId: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly actor: Actor | null;
  readonly requestId: string | null;
  readonly correlationId: string | null;
  /** The client's User-Agent, when the request had one. */
  readonly userAgent: string | null;
  readonly summary: string;
  readonly changes: AttributeChange[];
  /** The event's personal attributes can no longer be read. */
  readonly erased: boolean;
}
