import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
const scenarios = [
  'entra-cycle',
  'mixed-load',
  'large-group',
  'permission-checks',
  'rebuild',
];

interface Results {
  results: {
    scenario: string;
    system: string;
    runs: { figures: Record<string, number> }[];
  }[];
}

function runBench(out: string): Promise<number | null> {
  const main = join(root, 'scripts/src/bench/main.ts');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', main, '--quick', '--out', out],
    {
      cwd: root,
      env: {
        PATH: process.env['PATH'] ?? '',
        HOME: process.env['HOME'] ?? root,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  return new Promise((resolve) => child.on('exit', resolve));
}

describe('pnpm bench --quick', () => {
  let out: string;

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'roster-bench-'));
  });

  afterAll(() => rm(out, { recursive: true, force: true }));

  it('runs every scenario in both modes and against the peer without a single failed request', async () => {
    expect(await runBench(out)).toBe(0);

    const report = JSON.parse(
      await readFile(join(out, 'results.json'), 'utf8'),
    ) as Results;
    for (const system of ['embedded', 'production']) {
      const ran = report.results.filter((r) => r.system === system);
      expect(ran.map((r) => r.scenario).sort()).toEqual([...scenarios].sort());
    }
    const peer = report.results.filter((r) => r.system === 'peer');
    expect(peer.map((r) => r.scenario).sort()).toEqual([
      'entra-cycle',
      'mixed-load',
    ]);

    const errors = report.results.flatMap((r) =>
      r.runs.map((run) => run.figures['errors']),
    );
    expect(errors.every((n) => n === 0)).toBe(true);
    expect(await readFile(join(out, 'latency.svg'), 'utf8')).toMatch(/^<svg/);
  }, 300_000);
});
