import type { ParsedEvent } from '@roster/projection-runtime';
import { eventTime } from '@roster/projection-runtime';

/** Consecutive events of one tenant that happened at the same instant. */
export interface Instant {
  readonly tenantId: string;
  readonly at: Date;
  readonly events: readonly ParsedEvent[];
}

/**
 * Splits a batch into instants: one commit's events share their time, so
 * one recompute serves them all without hiding any observable state.
 */
export function instantsOf(events: readonly ParsedEvent[]): Instant[] {
  const instants: { tenantId: string; at: Date; events: ParsedEvent[] }[] = [];

  for (const event of events) {
    const at = eventTime(event);
    const last = instants.at(-1);
    if (
      last?.tenantId === event.tenantId &&
      last.at.getTime() === at.getTime()
    ) {
      last.events.push(event);
    } else {
      instants.push({ tenantId: event.tenantId, at, events: [event] });
    }
  }
  return instants;
}

/**
 * The instants of a batch per tenant, each tenant's in log order. Tenants
 * share no state, so each one's instants can be applied on their own.
 */
export function instantsByTenant(
  events: readonly ParsedEvent[],
): Map<string, Instant[]> {
  const byTenant = new Map<string, Instant[]>();

  for (const instant of instantsOf(events)) {
    const list = byTenant.get(instant.tenantId) ?? [];
    list.push(instant);
    byTenant.set(instant.tenantId, list);
  }
  return byTenant;
}
