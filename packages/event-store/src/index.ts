export type {
  AppendRequest,
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllBatch,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StoreCapabilities,
  TenantPartition,
} from './event-store';
export {
  StoreUnavailableError,
  StreamDeletedError,
  WrongExpectedVersionError,
} from './errors';
export {
  START,
  decodePosition,
  encodePosition,
  maxPosition,
  type Position,
} from './position';
export {
  TENANT_ID_PATTERN,
  streamName,
  tenantOfStream,
  tenantStreamPrefix,
} from './stream-name';
