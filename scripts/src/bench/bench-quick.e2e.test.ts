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

const titles: Record<string, string> = {
  '1. Entra initial cycle': 'entra-cycle',
  '2. Steady mixed load': 'mixed-load',
  '3. Large group': 'large-group',
  '4. Permission checks': 'permission-checks',
  '5. Rebuild from the log': 'rebuild',
};

/** The errors cell of each row of the summary's main table, by scenario and system. */
function tableRows(summary: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of summary.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const scenario = titles[cells[1] ?? ''];
    if (scenario && cells.length === 12) {
      rows.set(`${scenario} ${cells[2]}`, cells[7] ?? '');
    }
  }
  return rows;
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
    const floors = report.results
      .filter((r) => r.scenario === 'permission-checks')
      .flatMap((r) => r.runs.map((run) => run.figures['floor.p99']));
    expect(floors).toHaveLength(2);
    expect(floors.every((ms) => ms !== undefined && ms > 0)).toBe(true);

    const summary = await readFile(join(out, 'summary.md'), 'utf8');
    const rows = tableRows(summary);
    const expected = [
      ...['embedded', 'production'].flatMap((system) =>
        scenarios.map((scenario) => `${scenario} ${system}`),
      ),
      'entra-cycle peer',
      'mixed-load peer',
    ];
    expect([...rows.keys()].sort()).toEqual(expected.sort());
    for (const errorCell of rows.values()) expect(errorCell).toBe('0.00');
    expect(summary).not.toMatch(/FAILED/);
    expect(summary).toMatch(/against a bare node:http server right after/);
    expect(await readFile(join(out, 'latency.svg'), 'utf8')).toMatch(/^<svg/);
  }, 300_000);
});
