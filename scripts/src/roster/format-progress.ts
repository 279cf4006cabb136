export interface ProgressFigures {
  readonly label: string;
  readonly done: number;
  /** Expected final count; null when unknown (no bar, no ETA). */
  readonly total: number | null;
  /** Recent rate per second; undefined while still unknown. */
  readonly perSecond: number | undefined;
}

/**
 * One progress line, e.g.
 * `rebuild x [######------] 50% 5,000/10,000 events, 1,000/s, ETA 5s`.
 */
export function formatProgress(figures: ProgressFigures): string {
  const { label, done, total, perSecond } = figures;

  const counts = `${count(done)}${total === null ? '' : `/${count(total)}`} events`;
  const rate = perSecond === undefined ? '' : `, ${count(perSecond)}/s`;
  const eta = total === null ? '' : `, ETA ${etaOf(total - done, perSecond)}`;
  return [label, barOf(done, total), `${counts}${rate}${eta}`]
    .filter((part) => part !== '')
    .join(' ');
}

/** Whole seconds, then minutes and seconds, then hours and minutes. */
export function formatDuration(seconds: number): string {
  const whole = Math.ceil(Math.max(0, seconds));
  if (whole < 60) return `${whole}s`;

  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes}m${pad(whole % 60)}s`;

  return `${Math.floor(minutes / 60)}h${pad(minutes % 60)}m`;
}

function etaOf(remaining: number, perSecond: number | undefined): string {
  if (remaining <= 0) return '0s';
  if (!perSecond) return '?';
  return formatDuration(remaining / perSecond);
}

function barOf(done: number, total: number | null): string {
  if (total === null || total === 0) return '';

  const share = Math.min(1, Math.max(0, done / total));
  const filled = Math.round(share * 30);
  const bar = `${'#'.repeat(filled)}${'-'.repeat(30 - filled)}`;
  return `[${bar}] ${Math.floor(share * 100)}%`;
}

function count(value: number): string {
  return Math.round(value).toLocaleString('en');
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
