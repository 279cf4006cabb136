import { judge, peerRatioFigures } from './bench-targets';
import type { BenchReport } from './bench-report';
import type { ScenarioResult, Spread } from './scenario-result';
import { scenarioTitles } from './scenario-result';

/** Headline figures of each scenario, then targets, then peer ratios. */
export function summaryMarkdown(report: BenchReport): string {
  const lines = [
    `Roster benchmark, ${report.meta.date}, commit ${report.meta.commit.slice(0, 10)},` +
      ` ${report.meta.machine}${report.meta.quick ? ', --quick' : ''}`,
    '',
    `Medians of ${report.meta.runs} run(s), [min–max] where runs > 1.` +
      ` Production: ${report.meta.topology}.`,
    '',
    sizesLine(report),
    '',
    `Seeding: ${report.meta.seeding}`,
    '',
    '| scenario | system | throughput | p50 ms | p95 ms | p99 ms | errors | time s | peak RSS MB | CPU s |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...report.results.map(row),
    '',
    ...targetLines(report),
    '',
    ...ratioLines(report.results),
  ];
  return `${lines.join('\n')}\n`;
}

const throughput: Record<string, [string, string]> = {
  'entra-cycle': ['rps', 'req/s'],
  'mixed-load': ['mixed.rps', 'req/s (mix)'],
  'large-group': ['add.p50', 'ms per add PATCH (p50)'],
  'permission-checks': ['single.cps', 'checks/s (most)'],
  rebuild: ['events/s', 'events/s'],
};

const timeFigure: Record<string, string> = {
  'entra-cycle': 'total.s',
  rebuild: 'rebuild.s',
};

function sizesLine(report: BenchReport): string {
  const s = report.meta.scale;
  return (
    `Sizes: S1 ${s.cycleUsers} users in ${s.cycleTenants} tenants from` +
    ` ${s.clients} clients; S2 ${s.mixedUsers} users, ${s.mixedSeconds} s` +
    ` per phase; S3 a group of ${s.groupBase} taking ${s.groupAdd} more;` +
    ` S4 ${s.checkUsers} users, the most checks/s from ${s.clients} clients` +
    ` and latency at ${s.checkRate} checks/s (open loop, after 2 s of` +
    ` warm-up); S5 a log of ${s.rebuildEvents} events.` +
    ` Load average ${report.meta.loadAverage.start.toFixed(1)} at the` +
    ` start, ${report.meta.loadAverage.end.toFixed(1)} at the end.`
  );
}

function row(result: ScenarioResult): string {
  const [key, unit] = throughput[result.scenario] ?? ['', ''];
  const f = result.figures;
  const latency = result.latency;
  const cells = [
    scenarioTitles[result.scenario],
    result.system,
    `${spread(f[key])} ${unit}`,
    num(latency?.p50),
    num(latency?.p95),
    num(latency?.p99),
    num(f['errors']?.median),
    num(f[timeFigure[result.scenario] ?? '']?.median),
    num(f['server.rss.mb']?.median),
    num(f['server.cpu.s']?.median),
  ];
  return `| ${cells.join(' | ')} |`;
}

function targetLines(report: BenchReport): string[] {
  const verdicts = judge(report.results, report.meta);
  if (verdicts.length === 0) return [];
  const missed = verdicts.filter((v) => v.verdict === 'MISSED');
  return [
    '| target | system | median | verdict |',
    '| --- | --- | --- | --- |',
    ...verdicts.map(
      (v) =>
        `| ${v.target.text} | ${v.system} | ${num(v.value)} | ${v.verdict === 'MISSED' ? '**MISSED**' : v.verdict} |`,
    ),
    '',
    ...missed.map(
      (v) =>
        `MISSED: ${v.target.text}, ${v.system}: ${v.value === undefined ? 'no result (the scenario failed)' : num(v.value)}`,
    ),
    ...(missed.length > 0 && report.meta.profiles
      ? [
          '',
          `Where the time goes: ${report.meta.profiles}/summary.md (CPU` +
            ' profiles of every Roster process, kept with these results).',
        ]
      : []),
  ];
}

function ratioLines(results: readonly ScenarioResult[]): string[] {
  const rows: string[] = [];
  for (const peer of results.filter((r) => r.system === 'peer')) {
    for (const figure of peerRatioFigures[peer.scenario] ?? []) {
      const theirs = peer.figures[figure]?.median;
      for (const ours of results) {
        if (ours.scenario !== peer.scenario || ours.system === 'peer') continue;
        const mine = ours.figures[figure]?.median;
        if (!mine || !theirs) continue;
        rows.push(
          `| ${scenarioTitles[peer.scenario]} | ${figure} | ${ours.system} | ${num(mine)} | ${num(theirs)} | ${(mine / theirs).toFixed(2)} |`,
        );
      }
    }
  }
  if (rows.length === 0) return [];
  return [
    '| scenario | figure | Roster mode | Roster | SCIMMY peer | Roster/peer |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ];
}

function spread(value: Spread | undefined): string {
  if (!value) return '–';
  if (value.min === value.max) return num(value.median);
  return `${num(value.median)} [${num(value.min)}–${num(value.max)}]`;
}

export function num(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '–';
  if (!Number.isFinite(value)) return '∞';
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(2);
}
