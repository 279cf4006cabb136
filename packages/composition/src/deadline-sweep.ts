import type { ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';

/** The sweep runs at least this often while requests are open, ms. */
const MOST_PERIOD_MS = 250;

const since = Symbol('roster.watchedSince');

type Stamped = ServerResponse & { [since]?: number };

/**
 * Request deadlines kept by one timer that sweeps the open requests,
 * instead of a timer per request. A request is late between `ms` and
 * `ms` plus a quarter of it (at most 250 ms) after it began. The timer
 * runs only while some request is watched.
 *
 * The open requests are a set of their responses, each stamped with its
 * start: a record per request kept until the next sweep outlived two
 * scavenges, so V8 moved every one to the old generation (about 60 bytes
 * a check), and full collections came into the check's tail.
 */
export class DeadlineSweep {
  readonly #ms: number;
  readonly #late: (res: ServerResponse) => void;
  readonly #period: number;
  readonly #open = new Set<Stamped>();
  #timer: NodeJS.Timeout | undefined;

  constructor(ms: number, late: (res: ServerResponse) => void) {
    this.#ms = ms;
    this.#late = late;
    this.#period = Math.max(1, Math.min(MOST_PERIOD_MS, ms / 4));
  }

  watch(res: ServerResponse): void {
    (res as Stamped)[since] = performance.now();
    this.#open.add(res);
    if (!this.#timer) {
      this.#timer = setInterval(() => this.#sweep(), this.#period);
      this.#timer.unref();
    }
  }

  /** The request was answered or closed: it can no longer be late. */
  forget(res: ServerResponse): void {
    this.#open.delete(res);
  }

  #sweep(): void {
    const now = performance.now();
    for (const res of this.#open) {
      if (now - (res[since] ?? now) < this.#ms) continue;
      this.#open.delete(res);
      this.#late(res);
    }
    if (this.#open.size === 0) {
      clearInterval(this.#timer);
      this.#timer = undefined;
    }
  }
}
