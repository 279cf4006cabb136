const width = 30;

/**
 * One line on stderr, redrawn in place when stderr is a terminal and no
 * other bar shares it; `prefix` names the bar's lane.
 */
export class ProgressBar {
  #label = '';
  #total = 1;
  #done = 0;
  #drawnAt = 0;
  readonly #tty: boolean;

  constructor(
    private readonly prefix = '',
    shared = false,
  ) {
    this.#tty = process.stderr.isTTY && !shared;
  }

  start(label: string, total: number): void {
    this.#label = label;
    this.#total = Math.max(1, total);
    this.#done = 0;
    this.#draw(true);
  }

  update(done: number): void {
    this.#done = Math.min(done, this.#total);
    this.#draw(this.#done === this.#total);
  }

  finish(note = ''): void {
    this.#done = this.#total;
    this.#draw(true, note);
    if (this.#tty) process.stderr.write('\n');
  }

  #draw(force: boolean, note = ''): void {
    const now = Date.now();
    if (!force && now - this.#drawnAt < (this.#tty ? 100 : 5000)) return;
    this.#drawnAt = now;

    const share = this.#done / this.#total;
    const filled = Math.round(share * width);
    const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
    const percent = `${Math.round(share * 100)}`.padStart(3);
    const line =
      `${this.prefix}[${bar}] ${percent}% ${this.#label} ${note}`.trimEnd();
    process.stderr.write(this.#tty ? `\r\x1b[2K${line}` : `${line}\n`);
  }
}
