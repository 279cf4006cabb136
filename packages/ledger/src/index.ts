export { commit, decide, type CommitResult, type Decision } from './commit';
export {
  codecOf,
  plainCodec,
  withEventCodec,
  type EncodingEventStore,
  type EventCodec,
  type StorableEvent,
} from './event-codec';
export {
  freshStream,
  hashOfRecorded,
  loadStream,
  type LoadedStream,
} from './loaded-stream';
export { PreconditionFailedError, requireRevision } from './require-revision';
export { retryOnConflict, type RetryOptions } from './retry-on-conflict';
export { stampEvents, type StreamEnd } from './stamp-events';
export { streams } from './streams';
export { claimName, releaseName } from './commands/claim-name';
export type { CommandContext } from './commands/command-context';
export {
  changeGroup,
  createGroup,
  deleteGroup,
  type GroupChange,
  type GroupCommandResult,
} from './commands/group-commands';
export { runRoleCommand } from './commands/role-commands';
export { runTenantCommand } from './commands/tenant-commands';
export {
  createUser,
  deleteUser,
  setDirectGrant,
  updateUser,
  type UserCommandResult,
  type UserWrite,
} from './commands/user-commands';
export { decideSequence } from './decide-sequence';
