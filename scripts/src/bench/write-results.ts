import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchReport } from './bench-report';
import { latencyChart } from './latency-chart';
import { summaryMarkdown } from './summary-table';

/** results.json, summary.md and latency.svg in `dir`; returns the summary. */
export async function writeResults(
  dir: string,
  report: BenchReport,
): Promise<string> {
  await mkdir(dir, { recursive: true });
  const summary = summaryMarkdown(report);

  await writeFile(
    join(dir, 'results.json'),
    `${JSON.stringify(report, null, 2)}\n`,
  );
  await writeFile(join(dir, 'summary.md'), notesAppended(summary, report));
  await writeFile(join(dir, 'latency.svg'), latencyChart(report.results));
  return summary;
}

function notesAppended(summary: string, report: BenchReport): string {
  const notes = report.meta.notes.map((note) => `- ${note}`);
  if (notes.length === 0) return summary;
  return `${summary}\nNotes:\n\n${notes.join('\n')}\n`;
}
