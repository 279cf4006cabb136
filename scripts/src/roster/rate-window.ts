interface Sample {
  readonly at: number;
  readonly done: number;
}

/** Recent throughput: the slope of `done` over the last `windowMs`. */
export class RateWindow {
  readonly #samples: Sample[] = [];

  constructor(private readonly windowMs = 10_000) {}

  /** Records the count reached at `at` (ms). */
  add(at: number, done: number): void {
    this.#samples.push({ at, done });

    // Keep one sample at or before the window's start as the anchor.
    const start = at - this.windowMs;
    while (this.#samples.length > 2 && this.#samples[1]!.at <= start) {
      this.#samples.shift();
    }
  }

  /** Units per second; undefined until two samples lie 100 ms apart. */
  perSecond(): number | undefined {
    const first = this.#samples[0];
    const last = this.#samples.at(-1);
    if (!first || !last || last.at - first.at < 100) return undefined;

    return Math.max(
      0,
      (last.done - first.done) / ((last.at - first.at) / 1000),
    );
  }
}
