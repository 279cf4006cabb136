import type { EventStore, ReadAllBatch } from '@roster/event-store';
import { codecOf } from '@roster/ledger';
import type { RuntimeDatabase } from '@roster/read-store';
import type { Kysely } from 'kysely';
import type { RetryPolicy } from './backoff';
import { readCheckpoint } from './checkpoints';
import { commitBatch } from './commit-batch';
import { readFailure, skippedAmong } from './failures';
import { isolatePoison } from './isolate-poison';
import type { RegisteredProjection } from './projection';
import type { RunUnit } from './run-unit';
import type { RuntimeObserver } from './runtime-observer';
import { isTransient } from './transient-error';

export interface RunContext {
  readonly store: EventStore;
  readonly db: Kysely<RuntimeDatabase>;
  readonly batchSize: number;
  readonly retry: RetryPolicy;
  readonly observer: RuntimeObserver;
}

/** What one step of a runner did. */
export type StepResult =
  | { readonly kind: 'progress'; readonly events: number }
  | { readonly kind: 'idle' }
  | { readonly kind: 'blocked'; readonly retryAt: Date };

/**
 * Reads the checkpoint, reads one batch from the store (no read-store
 * transaction is open meanwhile: embedded PGlite is one connection), then
 * commits it with a compare-and-swap on the checkpoint.
 */
export async function catchUpStep(
  context: RunContext,
  unit: RunUnit,
  projection: RegisteredProjection,
): Promise<StepResult> {
  const failure = await readFailure(context.db, unit);
  if (failure && failure.next_retry_at > new Date()) {
    return { kind: 'blocked', retryAt: failure.next_retry_at };
  }

  const { position: from } = await readCheckpoint(context.db, unit);
  const started = performance.now();
  const batch = await readBatch(context, unit, from);
  if (batch.next === from) return { kind: 'idle' };

  const readMs = performance.now() - started;
  return commitOrIsolate(context, unit, projection, from, batch, readMs);
}

/** One batch, decoded by the store's codec (sealed personal data opened). */
async function readBatch(
  context: RunContext,
  unit: RunUnit,
  from: string,
): Promise<ReadAllBatch> {
  const batch = await context.store.readAll({
    from,
    limit: context.batchSize,
    partition: { index: unit.partition, count: unit.partitionCount },
  });

  const events = await codecOf(context.store).decode(batch.events);
  return { events, next: batch.next };
}

async function commitOrIsolate(
  context: RunContext,
  unit: RunUnit,
  projection: RegisteredProjection,
  from: string,
  batch: ReadAllBatch,
  readMs: number,
): Promise<StepResult> {
  const ids = batch.events.map((event) => event.id);
  const skipped = await skippedAmong(context.db, unit, ids);
  const events = batch.events.filter((event) => !skipped.has(event.id));

  const started = performance.now();
  try {
    const to = batch.next;
    const done = await commitBatch(context.db, unit, projection, {
      from,
      to,
      events,
    });
    if (done)
      report(context, unit, events, readMs, performance.now() - started);
    else discarded(context, unit, events.length);
    return { kind: 'progress', events: done ? events.length : 0 };
  } catch (error) {
    if (isTransient(error)) throw error;
    return isolatePoison(context, unit, projection, { from, batch, skipped });
  }
}

function report(
  context: RunContext,
  unit: RunUnit,
  events: readonly { recordedAt: Date }[],
  readMs: number,
  applyMs: number,
): void {
  const last = events.at(-1);
  const lagSeconds = last ? (Date.now() - last.recordedAt.getTime()) / 1000 : 0;

  context.observer.batchCommitted?.({
    projection: unit.projection,
    version: unit.version,
    partition: unit.partition,
    events: events.length,
    readMs,
    applyMs,
    lagSeconds: Math.max(0, lagSeconds),
  });
}

function discarded(context: RunContext, unit: RunUnit, events: number): void {
  context.observer.batchDiscarded?.({
    projection: unit.projection,
    version: unit.version,
    partition: unit.partition,
    events,
  });
}
