import type { AuditRecord } from '../audit-record';

export type ExportFormat = 'ndjson' | 'csv';

/** The CSV columns; `data` and `metadata` hold JSON text. */
export const CSV_COLUMNS = [
  'position',
  'recorded_at',
  'occurred_at',
  'stream',
  'revision',
  'id',
  'type',
  'version',
  'actor_kind',
  'actor_id',
  'request_id',
  'user_agent',
  'data',
  'metadata',
] as const;

export const contentTypes: Record<ExportFormat, string> = {
  ndjson: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

/** What a file of the format starts with. */
export function exportHeader(format: ExportFormat): string {
  return format === 'csv' ? `${CSV_COLUMNS.join(',')}\r\n` : '';
}

/** One record as one NDJSON line or one CSV row, with its line end. */
export function formatRecord(
  record: AuditRecord,
  format: ExportFormat,
): string {
  return format === 'csv'
    ? `${csvRow(record)}\r\n`
    : `${JSON.stringify(record)}\n`;
}

function csvRow(record: AuditRecord): string {
  const { metadata } = record;
  const actor = (metadata['actor'] ?? {}) as Record<string, unknown>;
  const cells = [
    record.position,
    record.recordedAt,
    text(metadata['occurredAt']),
    record.stream,
    record.revision,
    record.id,
    record.type,
    record.version,
    text(actor['kind']),
    text(actor['id']),
    text(metadata['requestId']),
    text(metadata['userAgent']),
    JSON.stringify(record.data),
    JSON.stringify(metadata),
  ];
  return cells.map(csvCell).join(',');
}

/** RFC 4180: quoted when it holds a comma, quote or line break. */
function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
