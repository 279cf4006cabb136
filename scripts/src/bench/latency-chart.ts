import type { ScenarioResult } from './scenario-result';
import { scenarioTitles } from './scenario-result';

const rowHeight = 28;
const labelWidth = 330;
const plotWidth = 560;
const top = 56;
const marks = [
  { key: 'p50', colour: '#2b8a3e' },
  { key: 'p95', colour: '#e67700' },
  { key: 'p99', colour: '#c92a2a' },
] as const;

/** Latency percentiles per scenario and system on a log axis, as SVG. */
export function latencyChart(results: readonly ScenarioResult[]): string {
  const rows = results.filter((result) => result.latency);
  const { low, high } = axisRange(rows);
  const x = (ms: number) =>
    labelWidth +
    (plotWidth * (Math.log10(Math.max(ms, low)) - Math.log10(low))) /
      (Math.log10(high) - Math.log10(low));
  const height = top + rows.length * rowHeight + 40;
  const width = labelWidth + plotWidth + 30;

  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="10" y="20" font-size="15" font-weight="bold">Latency per scenario (ms, log scale): p50, p95, p99</text>`,
    ...legend(),
    ...gridLines(low, high, x, height),
    ...rows.map((result, i) => rowOf(result, top + i * rowHeight, x)),
    '</svg>',
  ];
  return `${parts.join('\n')}\n`;
}

function axisRange(rows: readonly ScenarioResult[]) {
  const values = rows.flatMap((r) => [
    r.latency?.p50 ?? 1,
    r.latency?.p99 ?? 1,
  ]);
  const low =
    10 ** Math.floor(Math.log10(Math.max(0.01, Math.min(...values, 1))));
  const high = 10 ** Math.ceil(Math.log10(Math.max(...values, 10)));
  return { low, high };
}

function legend(): string[] {
  return marks.map(
    (mark, i) =>
      `<circle cx="${labelWidth + i * 70}" cy="36" r="5" fill="${mark.colour}"/>` +
      `<text x="${labelWidth + i * 70 + 9}" y="40">${mark.key}</text>`,
  );
}

function gridLines(
  low: number,
  high: number,
  x: (ms: number) => number,
  height: number,
): string[] {
  const lines: string[] = [];
  for (let tick = low; tick <= high * 1.001; tick *= 10) {
    const at = x(tick).toFixed(1);
    lines.push(
      `<line x1="${at}" y1="${top - 8}" x2="${at}" y2="${height - 30}" stroke="#ddd"/>`,
      `<text x="${at}" y="${height - 14}" text-anchor="middle">${tick >= 1 ? tick : tick.toFixed(2)}</text>`,
    );
  }
  return lines;
}

function rowOf(
  result: ScenarioResult,
  y: number,
  x: (ms: number) => number,
): string {
  const latency = result.latency!;
  const label = `${scenarioTitles[result.scenario]} (${result.system})`;
  const from = x(latency.p50).toFixed(1);
  const to = x(latency.p99).toFixed(1);
  const dots = marks.map(
    (mark) =>
      `<circle cx="${x(latency[mark.key]).toFixed(1)}" cy="${y}" r="5" fill="${mark.colour}"><title>${mark.key} ${latency[mark.key].toFixed(2)} ms</title></circle>`,
  );
  return [
    `<text x="10" y="${y + 4}">${escape(label)}</text>`,
    `<line x1="${from}" y1="${y}" x2="${to}" y2="${y}" stroke="#868e96" stroke-width="2"/>`,
    ...dots,
  ].join('\n');
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}
