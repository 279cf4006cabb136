import { setImmediate as nextTurn } from 'node:timers/promises';

/** Longest run of PGlite statements before timers and sockets get a turn. */
const MAX_BUSY_MS = 5;

/**
 * PGlite runs each statement synchronously and resolves at once, so a
 * chain of awaited statements never leaves the microtask queue: HTTP
 * requests and timers would wait until the whole chain ends (a catch-up of
 * minutes, once). Before a statement, this gives the event loop a turn
 * whenever statements have held it for MAX_BUSY_MS.
 */
export class FairTurns {
  #since = performance.now();

  async take(): Promise<void> {
    if (performance.now() - this.#since < MAX_BUSY_MS) return;

    await nextTurn();
    this.#since = performance.now();
  }
}
