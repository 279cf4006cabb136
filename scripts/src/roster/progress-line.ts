/** A one-line progress bar on stderr, redrawn at most every 100 ms. */
export function progressLine(label: string, total: number | null) {
  let drawn = 0;
  const started = Date.now();

  const draw = (done: number, force = false): void => {
    const now = Date.now();
    if (!force && now - drawn < 100) return;
    drawn = now;

    const rate = Math.round(done / Math.max((now - started) / 1000, 0.001));
    const counts = `${done.toLocaleString('en')}${total === null ? '' : `/${total.toLocaleString('en')}`} events, ${rate.toLocaleString('en')}/s`;
    process.stderr.write(`\r${label} ${barOf(done, total)} ${counts}   `);
  };

  return {
    update: (done: number) => draw(done),
    finish: (done: number) => {
      draw(done, true);
      process.stderr.write('\n');
    },
  };
}

function barOf(done: number, total: number | null): string {
  if (total === null || total === 0) return '';
  const share = Math.min(1, done / total);
  const filled = Math.round(share * 30);
  return `[${'#'.repeat(filled)}${'-'.repeat(30 - filled)}] ${Math.floor(share * 100)}%`;
}
