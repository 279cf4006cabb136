import { formatProgress } from './format-progress';
import { RateWindow } from './rate-window';

export interface ProgressLineOptions {
  /** Count already done when the line starts (a resumed job). Default 0. */
  readonly from?: number;
  readonly now?: () => number;
}

export interface ProgressLine {
  readonly update: (done: number) => void;
  /** The expected final count changed (e.g. the log grew). */
  readonly setTotal: (total: number | null) => void;
  readonly finish: (done: number) => void;
}

/**
 * A one-line progress bar on stderr, redrawn at most every 100 ms, with the
 * rate of the last 10 s and, when `total` is known, the time left at it.
 */
export function progressLine(
  label: string,
  total: number | null,
  options: ProgressLineOptions = {},
): ProgressLine {
  const now = options.now ?? Date.now;
  const rate = new RateWindow();
  let expected = total;
  let drawn = 0;
  rate.add(now(), options.from ?? 0);

  const draw = (done: number, force = false): void => {
    const at = now();
    rate.add(at, done);
    if (!force && at - drawn < 100) return;
    drawn = at;

    const figures = { label, done, total: expected };
    const line = formatProgress({ ...figures, perSecond: rate.perSecond() });
    process.stderr.write(`\r${line}   `);
  };

  return {
    update: (done) => draw(done),
    setTotal: (next) => {
      expected = next;
    },
    finish: (done) => {
      draw(done, true);
      process.stderr.write('\n');
    },
  };
}
