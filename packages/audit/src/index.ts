export {
  auditRecord,
  occurredAt,
  toAuditRecord,
  type AuditRecord,
} from './audit-record';
export { auditStream } from './audit-stream';
export { merkleRoot, type StreamHead } from './merkle-root';
export { parseStored } from './stored-record';
export {
  createCheckpointSealer,
  type CheckpointSealer,
} from './checkpoint/checkpoint-sealer';
export { sealCheckpoint, type SealResult } from './checkpoint/seal-checkpoint';
export { ChainVerifier, type VerifierOptions } from './verify/chain-verifier';
export { checkpointsOf, type Checkpoint } from './verify/checkpoint';
export { verifyExport, type ExportReport } from './verify/verify-export';
export type { BadEvent, VerifyReport } from './verify/verify-report';
export { verifyTenant, type VerifyProgress } from './verify/verify-tenant';
export { isFiltered, type ExportFilter } from './export/export-filter';
export {
  contentTypes,
  CSV_COLUMNS,
  exportHeader,
  formatRecord,
  type ExportFormat,
} from './export/export-format';
export { exportRecords } from './export/export-records';
export { ExportParseError, parseExport } from './export/parse-export';
export { groupTimeline } from './timeline/group-timeline';
export { userTimeline } from './timeline/user-timeline';
export type { AttributeChange, TimelineEntry } from './timeline/timeline-entry';
export { AccessModel } from './replay/access-model';
export {
  sourceKey,
  type HeldPermission,
  type PermissionSource,
} from './replay/permission-source';
export { permissionsAt, type PermissionsAt } from './replay/permissions-at';
export { eraseUser, type ErasureResult } from './personal-data/erase-user';
export { erasedUserName, isErased } from './personal-data/erased-marker';
export { personalDataCodec } from './personal-data/personal-data-codec';
export {
  ErasedUserError,
  migrateKeyring,
  sqlKeyring,
  type UserKeyring,
} from './personal-data/user-keyring';
