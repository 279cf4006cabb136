import {
  START as KURRENT_START,
  streamNameFilter,
  type KurrentDBClient,
} from '@kurrent/kurrentdb-client';
import { START, type Position } from '../position';
import { fromKurrentPosition, toKurrentPosition } from './kurrent-mapping';
import { TENANT_STREAMS_PREFIX } from './read-all-kurrent';

/** A `$all` catch-up subscription from `after`: its first event wakes us. */
export async function waitForAppendKurrent(
  client: KurrentDBClient,
  after: Position,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<void> {
  const subscription = client.subscribeToAll({
    fromPosition: after === START ? KURRENT_START : toKurrentPosition(after),
    filter: streamNameFilter({ prefixes: [TENANT_STREAMS_PREFIX] }),
  });

  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        resolve();
      };
      signal?.addEventListener('abort', done, { once: true });
      if (signal?.aborted) done();

      subscription.on('data', (resolved) => {
        const position = resolved.event?.position;
        if (position && fromKurrentPosition(position) > after) done();
      });
      subscription.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  } finally {
    await subscription.unsubscribe();
  }
}
