import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { unitKey, type RunUnit } from '../run-unit';
import { tracedJob } from './job-trace';

export const QUEUE_NAME = 'roster-projections';
export const SWEEP_SCHEDULER = 'roster-projections-sweep';

/** A wake-up carries where to look, never events. */
export interface WakeJob {
  readonly schema: string;
  readonly partition: number;
  /** W3C trace context of the code that enqueued it, when traced. */
  readonly trace?: Readonly<Record<string, string>>;
}

export interface QueueOptions {
  /** Redis key prefix; one per deployment (and per test file). */
  readonly prefix?: string;
}

export function openQueue(
  connection: Redis,
  options: QueueOptions,
): Queue<WakeJob> {
  return new Queue<WakeJob>(QUEUE_NAME, {
    connection,
    ...(options.prefix === undefined ? {} : { prefix: options.prefix }),
  });
}

const retried: JobsOptions = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 200, jitter: 0.5 },
  removeOnComplete: true,
  removeOnFail: 1000,
};

/**
 * One job per unit at a time, plus at most one queued behind it; `delayMs`
 * holds the queued one back (wake-ups meanwhile join it).
 */
export async function addWake(
  queue: Queue<WakeJob>,
  unit: RunUnit,
  delayMs = 0,
): Promise<void> {
  const key = unitKey(unit);
  await queue.add(
    'wake',
    { schema: unit.schema, partition: unit.partition, ...tracedJob() },
    {
      ...retried,
      ...(delayMs > 0 ? { delay: delayMs } : {}),
      deduplication: { id: key, keepLastIfActive: true },
    },
  );
}

/** A wake-up at `at`, for a partition stopped until then. */
export async function addRetry(
  queue: Queue<WakeJob>,
  unit: RunUnit,
  at: Date,
): Promise<void> {
  const key = unitKey(unit);
  await queue.add(
    'wake',
    { schema: unit.schema, partition: unit.partition, ...tracedJob() },
    {
      ...retried,
      delay: Math.max(0, at.getTime() - Date.now()),
      deduplication: { id: `${key}:retry`, ttl: 1000 },
    },
  );
}
