export type {
  AppendRequest,
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  LogQuery,
  ReadAllBatch,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StoreCapabilities,
  StoredEvent,
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
export { tenantHash, tenantPartition } from './tenant-partition';
export { createEventStore, type EventStoreConfig } from './create-event-store';
export { delegatingStore } from './delegating-store';
export {
  PostgresEventStore,
  type PostgresEventStoreOptions,
} from './postgres/postgres-event-store';
export { migrateEventStore } from './postgres/schema';
export {
  KurrentEventStore,
  type KurrentEventStoreOptions,
} from './kurrentdb/kurrentdb-event-store';
