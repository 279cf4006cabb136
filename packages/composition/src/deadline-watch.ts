import type { ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';

/**
 * Calls `late(res)` for a response still open `ms` after it began, with
 * one timer for all responses: a timer set and cleared per request is a
 * cost on the check's hot path. A response is answered at most a tenth
 * of `ms` (and never more than 1 s) past its deadline.
 */
export class DeadlineWatch {
  readonly #ms: number;
  readonly #late: (res: ServerResponse) => void;
  readonly #tickMs: number;
  // Insertion order is start order: the oldest responses come first.
  readonly #open = new Map<ServerResponse, number>();
  #timer: NodeJS.Timeout | undefined;

  constructor(ms: number, late: (res: ServerResponse) => void) {
    this.#ms = ms;
    this.#late = late;
    this.#tickMs = Math.max(1, Math.min(1000, Math.floor(ms / 10)));
  }

  watch(res: ServerResponse): void {
    this.#open.set(res, performance.now());
    res.once('close', () => this.#open.delete(res));
    if (this.#timer) return;

    this.#timer = setInterval(() => this.#sweep(), this.#tickMs);
    this.#timer.unref();
  }

  #sweep(): void {
    const startedBefore = performance.now() - this.#ms;
    for (const [res, started] of this.#open) {
      if (started > startedBefore) break;
      this.#open.delete(res);
      this.#late(res);
    }
    if (this.#open.size > 0) return;

    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
