import type { StoredEvent } from '@roster/event-store';

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

/**
 * One stored event as one NDJSON line or one CSV row, with its line end.
 * Data and metadata are written as the store's JSON text, unparsed.
 */
export function formatRecord(
  record: StoredEvent,
  format: ExportFormat,
): string {
  return format === 'csv' ? `${csvRow(record)}\r\n` : `${ndjsonLine(record)}\n`;
}

/** The fields of AuditRecord, in its order. */
function ndjsonLine(record: StoredEvent): string {
  return (
    `{"position":${JSON.stringify(record.position)}` +
    `,"stream":${JSON.stringify(record.stream)}` +
    `,"revision":${record.revision}` +
    `,"id":${JSON.stringify(record.id)}` +
    `,"type":${JSON.stringify(record.type)}` +
    `,"version":${record.version}` +
    `,"data":${record.data},"metadata":${record.metadata}` +
    `,"recordedAt":${JSON.stringify(record.recordedAt)}}`
  );
}

function csvRow(record: StoredEvent): string {
  // Only a tampered row holds metadata that is not an object.
  const metadata = (JSON.parse(record.metadata) ?? {}) as Record<
    string,
    unknown
  >;
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
    record.data,
    record.metadata,
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
