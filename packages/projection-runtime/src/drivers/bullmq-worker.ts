import { Worker, type Job, type Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { ProjectionRuntime } from '../projection-runtime';
import {
  addRetry,
  addWake,
  openQueue,
  QUEUE_NAME,
  SWEEP_SCHEDULER,
  type WakeJob,
} from './bullmq-queue';
import { createBullmqWaker } from './bullmq-waker';
import { inProcessSpan } from './job-trace';
import type { ProjectionDriver } from './projection-driver';

export interface BullmqDriverOptions {
  readonly redisUrl: string;
  readonly prefix?: string;
  /** Units one process runs at once. Default 4. */
  readonly concurrency?: number;
  /** Sweep tick in ms (a BullMQ job scheduler). Default 3000. */
  readonly sweepMs?: number;
  /** Batches per job before the unit goes to the back of the queue. */
  readonly batchesPerJob?: number;
  readonly onError?: (error: unknown) => void;
}

/**
 * A projector worker: runs the units BullMQ wake-ups name. Several
 * processes share the queue; a lease per unit (PostgreSQL advisory lock)
 * keeps one runner per unit at a time, the checkpoint compare-and-swap
 * one effective commit.
 */
export function createBullmqDriver(
  runtime: ProjectionRuntime,
  options: BullmqDriverOptions,
): ProjectionDriver {
  const queueConnection = connect(options.redisUrl, options.onError);
  const queue = openQueue(queueConnection, options);
  const waker = createBullmqWaker(runtime, queue);
  let worker: Worker<WakeJob> | undefined;
  let workerConnection: Redis | undefined;

  const resync = async (): Promise<void> => {
    await queue.upsertJobScheduler(
      SWEEP_SCHEDULER,
      { every: options.sweepMs ?? 3000 },
      { name: 'sweep', opts: { removeOnComplete: true, removeOnFail: true } },
    );
    await wakeAll(runtime, queue);
  };

  // Redis may come back empty: the scheduler and wake-ups are made again.
  queueConnection.on('ready', () => {
    resync().catch((error: unknown) => options.onError?.(error));
  });

  return {
    waker,
    start: async () => {
      worker = new Worker<WakeJob>(
        QUEUE_NAME,
        (job) =>
          // The sweep runs every few seconds: no span for it.
          job.name === 'sweep'
            ? processJob(runtime, queue, job, options)
            : inProcessSpan(QUEUE_NAME, job, () =>
                processJob(runtime, queue, job, options),
              ),
        {
          connection: (workerConnection = connect(
            options.redisUrl,
            options.onError,
          )),
          concurrency: options.concurrency ?? 4,
          ...(options.prefix === undefined ? {} : { prefix: options.prefix }),
        },
      );
      worker.on('error', (error) => options.onError?.(error));
      worker.on('failed', (_job, error) => options.onError?.(error));
      await worker.waitUntilReady();
      await resync();
    },
    stop: async () => {
      await worker?.close();
      await queue.close();
      queueConnection.disconnect();
      workerConnection?.disconnect();
    },
  };
}

async function processJob(
  runtime: ProjectionRuntime,
  queue: Queue<WakeJob>,
  job: Job<WakeJob>,
  options: BullmqDriverOptions,
): Promise<string> {
  if (job.name === 'sweep') {
    await runtime.refresh();
    // An idle sweep costs two reads instead of a job per unit.
    if (!(await runtime.logAhead())) return 'idle';
    await wakeAll(runtime, queue);
    return 'swept';
  }

  const unit = runtime
    .units()
    .find(
      (u) => u.schema === job.data.schema && u.partition === job.data.partition,
    );
  if (!unit) return 'unknown-unit';

  const result = await runtime.catchUp(unit, {
    maxBatches: options.batchesPerJob ?? 20,
  });
  if (result.state === 'more') await addWake(queue, unit);
  if (result.state === 'blocked') await addRetry(queue, unit, result.retryAt);
  // The lease holder may have read before the append that woke this job.
  // A wake-up of its own, not a retry: retries are deduplicated for a
  // second, and the holder may itself be one, so the look again is kept.
  if (result.state === 'busy') await addWake(queue, unit, BUSY_DELAY_MS);
  return result.state;
}

const BUSY_DELAY_MS = 200;

async function wakeAll(
  runtime: ProjectionRuntime,
  queue: Queue<WakeJob>,
): Promise<void> {
  await Promise.all(runtime.units().map((unit) => addWake(queue, unit)));
}

/** Workers need `maxRetriesPerRequest: null`: commands wait out an outage. */
function connect(url: string, onError?: (error: unknown) => void): Redis {
  const connection = new Redis(url, { maxRetriesPerRequest: null });
  // ioredis reconnects by itself; the error is only reported.
  connection.on('error', (error) => onError?.(error));
  return connection;
}
