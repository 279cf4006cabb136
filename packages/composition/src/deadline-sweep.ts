import type { ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';

/** One request under watch; its front clears `res` when the response closes. */
export interface Watched {
  res: ServerResponse | undefined;
  readonly since: number;
}

/**
 * The sweep runs at least this often while requests are open, ms, so
 * that an answered request's record dies young. Swept every 250 ms, the
 * records outlived two scavenges and V8 moved them to the old generation:
 * about 60 bytes a check, and a full collection every few tens of
 * seconds at 10,000 checks/s.
 */
const MOST_PERIOD_MS = 50;

/**
 * Request deadlines kept by one timer that sweeps the open requests,
 * instead of a timer per request. A request is late between `ms` and
 * `ms` plus a quarter of it (at most 50 ms) after it began. The timer
 * runs only while some request is watched.
 */
export class DeadlineSweep {
  readonly #ms: number;
  readonly #late: (res: ServerResponse) => void;
  readonly #period: number;
  #watched: Watched[] = [];
  #timer: NodeJS.Timeout | undefined;

  constructor(ms: number, late: (res: ServerResponse) => void) {
    this.#ms = ms;
    this.#late = late;
    this.#period = Math.max(1, Math.min(MOST_PERIOD_MS, ms / 4));
  }

  watch(res: ServerResponse): Watched {
    const watched: Watched = { res, since: performance.now() };
    this.#watched.push(watched);
    if (!this.#timer) {
      this.#timer = setInterval(() => this.#sweep(), this.#period);
      this.#timer.unref();
    }
    return watched;
  }

  #sweep(): void {
    const now = performance.now();
    const open = this.#watched.filter((watched) => watched.res);
    const isLate = (watched: Watched) => now - watched.since >= this.#ms;
    this.#watched = open.filter((watched) => !isLate(watched));

    for (const watched of open.filter(isLate)) {
      const { res } = watched;
      watched.res = undefined;
      if (res) this.#late(res);
    }
    if (this.#watched.length === 0) {
      clearInterval(this.#timer);
      this.#timer = undefined;
    }
  }
}
