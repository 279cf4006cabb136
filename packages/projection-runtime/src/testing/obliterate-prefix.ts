import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { QUEUE_NAME } from '../drivers/bullmq-queue';

/** Removes every key a test's BullMQ prefix left in Redis. */
export async function obliterateQueue(
  redisUrl: string,
  prefix: string,
): Promise<void> {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue(QUEUE_NAME, { connection, prefix });
  await queue.obliterate({ force: true });
  await queue.close();
  connection.disconnect();
}
