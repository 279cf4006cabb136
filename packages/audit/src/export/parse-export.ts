import { auditRecord, type AuditRecord } from '../audit-record';
import { CSV_COLUMNS, type ExportFormat } from './export-format';

/** A line of an export that is not a record of this format. */
export class ExportParseError extends Error {
  override readonly name = 'ExportParseError';
}

/** The records of an export, from its lines (without line ends). */
export async function* parseExport(
  lines: AsyncIterable<string>,
  format: ExportFormat,
): AsyncGenerator<AuditRecord> {
  let number = 0;
  if (format === 'ndjson') {
    for await (const line of nonEmpty(lines)) {
      yield fromNdjson(line, (number += 1));
    }
    return;
  }

  for await (const row of csvRows(lines)) {
    number += 1;
    if (number > 1) yield fromCsv(row, number);
  }
}

async function* nonEmpty(lines: AsyncIterable<string>) {
  for await (const line of lines) if (line.trim() !== '') yield line;
}

function fromNdjson(line: string, number: number): AuditRecord {
  const parsed = auditRecord.safeParse(parseJson(line, number));
  if (!parsed.success)
    throw new ExportParseError(`line ${number}: not a record`);
  return parsed.data;
}

function fromCsv(row: string[], number: number): AuditRecord {
  const cell = (name: (typeof CSV_COLUMNS)[number]) =>
    row[CSV_COLUMNS.indexOf(name)] ?? '';
  const parsed = auditRecord.safeParse({
    position: cell('position'),
    stream: cell('stream'),
    revision: Number(cell('revision')),
    id: cell('id'),
    type: cell('type'),
    version: Number(cell('version')),
    data: parseJson(cell('data'), number),
    metadata: parseJson(cell('metadata'), number),
    recordedAt: cell('recorded_at'),
  });
  if (!parsed.success)
    throw new ExportParseError(`row ${number}: not a record`);
  return parsed.data;
}

function parseJson(text: string, number: number): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ExportParseError(`line ${number}: not JSON`);
  }
}

/** RFC 4180 rows; a quoted cell may span lines. */
async function* csvRows(lines: AsyncIterable<string>) {
  let pending = '';
  for await (const line of lines) {
    pending = pending === '' ? line : `${pending}\n${line}`;
    if (countQuotes(pending) % 2 === 1) continue;
    if (pending.trim() !== '') yield splitCsv(pending.replace(/\r$/, ''));
    pending = '';
  }
  if (pending.trim() !== '') yield splitCsv(pending);
}

function countQuotes(text: string): number {
  let count = 0;
  for (const char of text) if (char === '"') count += 1;
  return count;
}

function splitCsv(row: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;

  for (let index = 0; index < row.length; index += 1) {
    const char = row[index];
    if (quoted && char === '"' && row[index + 1] === '"') {
      cell += '"';
      index += 1;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (char === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else {
      cell += char;
    }
  }
  cells.push(cell);
  return cells;
}
