import type { AppendRequest } from './event-store';
import { tenantOfStream } from './stream-name';

/** Rejects requests no adapter could honour; throws TypeError. */
export function validateAppend(requests: readonly AppendRequest[]): void {
  const streams = new Set<string>();

  for (const { stream, events, expected } of requests) {
    tenantOfStream(stream);
    if (events.length === 0) {
      throw new TypeError(`append to ${stream} carries no events`);
    }
    if (
      typeof expected === 'number' &&
      !(Number.isInteger(expected) && expected >= 0)
    ) {
      throw new TypeError(`expected revision must be >= 0: ${expected}`);
    }
    if (streams.has(stream)) {
      throw new TypeError(`appendMany names stream ${stream} twice`);
    }
    streams.add(stream);
  }
}
