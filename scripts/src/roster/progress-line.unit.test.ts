import { formatDuration, formatProgress } from './format-progress';
import { progressLine } from './progress-line';
import { RateWindow } from './rate-window';

describe('formatProgress', () => {
  it('shows bar, counts, rate and the time left at that rate', () => {
    const line = formatProgress({
      label: 'rebuild scim_resources',
      done: 25_000,
      total: 100_000,
      perSecond: 2_500,
    });

    expect(line).toBe(
      'rebuild scim_resources [########----------------------] 25% ' +
        '25,000/100,000 events, 2,500/s, ETA 30s',
    );
  });

  it('says the time left is unknown while there is no rate yet', () => {
    const line = formatProgress({
      label: 'rebuild x',
      done: 0,
      total: 10,
      perSecond: undefined,
    });

    expect(line).toMatch(/0\/10 events, ETA \?$/);
  });

  it('shows neither bar nor ETA without a total', () => {
    const line = formatProgress({
      label: 'export',
      done: 1234,
      total: null,
      perSecond: 99.6,
    });

    expect(line).toBe('export 1,234 events, 100/s');
  });

  it('says 0s once the total is reached, also when it was passed', () => {
    const line = formatProgress({
      label: 'r',
      done: 120,
      total: 100,
      perSecond: 5,
    });

    expect(line).toMatch(/\] 100% 120\/100 events, 5\/s, ETA 0s$/);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [0.2, '1s'],
    [59, '59s'],
    [60, '1m00s'],
    [125.5, '2m06s'],
    [3599, '59m59s'],
    [3600, '1h00m'],
    [7 * 3600 + 5 * 60 + 30, '7h05m'],
  ])('%s seconds read %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe('RateWindow', () => {
  it('measures the slope of the last window, not of the whole run', () => {
    const rate = new RateWindow(10_000);
    rate.add(0, 0);
    rate.add(10_000, 100_000);
    rate.add(20_000, 110_000);
    rate.add(30_000, 120_000);

    expect(rate.perSecond()).toBe(1000);
  });

  it('knows no rate until two samples are 100 ms apart', () => {
    const rate = new RateWindow();
    rate.add(0, 0);
    rate.add(50, 10);

    expect(rate.perSecond()).toBeUndefined();
  });
});

describe('progressLine', () => {
  const written: string[] = [];
  let spy: jest.SpyInstance;

  beforeEach(() => {
    written.length = 0;
    spy = jest
      .spyOn(process.stderr, 'write')
      .mockImplementation((chunk: string | Uint8Array) => {
        written.push(String(chunk));
        return true;
      });
  });

  afterEach(() => spy.mockRestore());

  it('estimates a resumed job from its own rate, not from zero', () => {
    let clock = 0;
    const line = progressLine('rebuild x', 100_000, {
      from: 60_000,
      now: () => clock,
    });

    clock = 4000;
    line.update(80_000);
    clock = 8000;
    line.finish(100_000);

    expect(written[0]).toBe(
      `\rrebuild x [########################------] 80% 80,000/100,000 events, 5,000/s, ETA 4s   `,
    );
    expect(written.slice(1)).toEqual([
      expect.stringMatching(
        /100% 100,000\/100,000 events, 5,000\/s, ETA 0s {3}$/,
      ),
      '\n',
    ]);
  });
});
