import type { ReadAllBatch, RecordedEvent } from '@roster/event-store';
import type { RetryPolicy } from './backoff';
import type { RunContext, StepResult } from './catch-up';
import { commitBatch } from './commit-batch';
import { recordFailure } from './failures';
import type { RegisteredProjection } from './projection';
import type { RunUnit } from './run-unit';
import { isTransient, messageOf } from './transient-error';

export interface FailedBatch {
  readonly from: string;
  readonly batch: ReadAllBatch;
  readonly skipped: ReadonlySet<string>;
}

/**
 * After a batch failed: applies its events one per transaction, so the
 * events before the poison one commit and the poison one is recorded.
 */
export async function isolatePoison(
  context: RunContext,
  unit: RunUnit,
  projection: RegisteredProjection,
  failed: FailedBatch,
): Promise<StepResult> {
  let from = failed.from;
  let applied = 0;

  for (const event of failed.batch.events) {
    const events = failed.skipped.has(event.id) ? [] : [event];
    const to = event.position;

    try {
      const done = await commitBatch(context.db, unit, projection, {
        from,
        to,
        events,
      });
      if (!done) return { kind: 'progress', events: applied, caughtUp: false };
    } catch (error) {
      if (isTransient(error)) throw error;
      return fail(context, unit, event, error);
    }

    from = to;
    applied += events.length;
  }
  return { kind: 'progress', events: applied, caughtUp: false };
}

async function fail(
  context: RunContext,
  unit: RunUnit,
  event: RecordedEvent,
  error: unknown,
): Promise<StepResult> {
  const policy: RetryPolicy = context.retry;
  const row = await recordFailure(
    context.db,
    unit,
    { id: event.id, position: event.position, tenantId: event.tenantId },
    messageOf(error),
    policy,
  );

  context.observer.eventFailed?.({
    projection: unit.projection,
    version: unit.version,
    partition: unit.partition,
    eventId: row.event_id,
    position: row.position,
    error: row.error,
    attempts: row.attempts,
    nextRetryAt: row.next_retry_at,
  });
  return { kind: 'blocked', retryAt: row.next_retry_at };
}
