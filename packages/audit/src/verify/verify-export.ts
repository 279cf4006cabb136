import type { AuditRecord } from '../audit-record';
import { tenantOfStream } from '@roster/event-store';
import type { ExportFormat } from '../export/export-format';
import { parseExport } from '../export/parse-export';
import { ChainVerifier } from './chain-verifier';
import { checkpointsOf, type Checkpoint } from './checkpoint';
import type { VerifyReport } from './verify-report';

export interface ExportReport extends VerifyReport {
  /** False when some stream starts after revision 0 (a filtered export). */
  readonly complete: boolean;
}

/**
 * Verifies an export offline in two passes over its lines: the first finds
 * the checkpoints and whether every stream is whole, the second checks the
 * chains (and, for a whole export, the checkpoints).
 */
export async function verifyExport(
  openLines: () => AsyncIterable<string>,
  format: ExportFormat,
): Promise<ExportReport> {
  const survey = await surveyExport(parseExport(openLines(), format));
  const verifier = new ChainVerifier(survey.tenantId, survey.checkpoints, {
    partial: !survey.complete,
  });

  for await (const record of parseExport(openLines(), format)) {
    verifier.add(record);
  }
  return { ...verifier.finish(), complete: survey.complete };
}

interface Survey {
  readonly tenantId: string;
  readonly checkpoints: Checkpoint[];
  readonly complete: boolean;
}

async function surveyExport(
  records: AsyncIterable<AuditRecord>,
): Promise<Survey> {
  const seen = new Set<string>();
  const sealed: AuditRecord[] = [];
  let tenantId = '';
  let complete = true;

  for await (const record of records) {
    tenantId ||= tenantOfStream(record.stream);
    if (!seen.has(record.stream) && record.revision > 0) complete = false;
    seen.add(record.stream);
    if (record.type === 'AuditCheckpointSealed') sealed.push(record);
  }
  return { tenantId, checkpoints: checkpointsOf(sealed), complete };
}
