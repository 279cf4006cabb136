import type { EventStore, ReadAllBatch } from '@roster/event-store';
import { codecOf } from '@roster/ledger';
import type { RuntimeDatabase } from '@roster/read-store';
import type { Kysely } from 'kysely';
import type { RetryPolicy } from './backoff';
import { commitBatch } from './commit-batch';
import { skippedAmong } from './failures';
import { isolatePoison } from './isolate-poison';
import type { RegisteredProjection } from './projection';
import type { RunUnit } from './run-unit';
import type { RuntimeObserver } from './runtime-observer';
import { isTransient } from './transient-error';
import { readUnitState, type UnitState } from './unit-state';

export interface RunContext {
  readonly store: EventStore;
  readonly db: Kysely<RuntimeDatabase>;
  readonly batchSize: number;
  readonly retry: RetryPolicy;
  readonly observer: RuntimeObserver;
}

/**
 * What one step of a runner did. `caughtUp`: the batch it committed was
 * shorter than a full one, so the store had nothing more for now.
 */
export type StepResult =
  | {
      readonly kind: 'progress';
      readonly events: number;
      readonly caughtUp: boolean;
    }
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
  const state = await readUnitState(context.db, unit);
  if (state.retryAt && state.retryAt > new Date()) {
    return { kind: 'blocked', retryAt: state.retryAt };
  }

  const started = performance.now();
  const batch = await readBatch(context, unit, state.position);
  if (batch.next === state.position) return { kind: 'idle' };

  const readMs = performance.now() - started;
  return commitOrIsolate(context, unit, projection, state, batch, readMs);
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
  state: UnitState,
  batch: ReadAllBatch,
  readMs: number,
): Promise<StepResult> {
  const from = state.position;
  const skipped = await skippedIn(context, unit, state, batch);
  const events = batch.events.filter((event) => !skipped.has(event.id));

  const started = performance.now();
  try {
    const to = batch.next;
    const done = await commitBatch(context.db, unit, projection, {
      from,
      to,
      events,
    });
    if (!done) {
      discarded(context, unit, events.length);
      return { kind: 'progress', events: 0, caughtUp: false };
    }

    report(context, unit, events, readMs, performance.now() - started);
    const caughtUp = batch.events.length < context.batchSize;
    return { kind: 'progress', events: events.length, caughtUp };
  } catch (error) {
    if (isTransient(error)) throw error;
    return isolatePoison(context, unit, projection, { from, batch, skipped });
  }
}

/** Skips are rare: the skips table is asked only when it has some. */
async function skippedIn(
  context: RunContext,
  unit: RunUnit,
  state: UnitState,
  batch: ReadAllBatch,
): Promise<ReadonlySet<string>> {
  if (!state.hasSkips) return new Set();

  const ids = batch.events.map((event) => event.id);
  return skippedAmong(context.db, unit, ids);
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
