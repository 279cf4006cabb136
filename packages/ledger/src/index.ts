export { commit, decide, type CommitResult, type Decision } from './commit';
export { hashOfRecorded, loadStream, type LoadedStream } from './loaded-stream';
export { PreconditionFailedError, requireRevision } from './require-revision';
export { retryOnConflict, type RetryOptions } from './retry-on-conflict';
export { stampEvents, type StreamEnd } from './stamp-events';
export { streams } from './streams';
