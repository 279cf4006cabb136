export type { RetryPolicy } from './backoff';
export { PermissionsClientError, type ClientErrorKind } from './client-error';
export {
  LocalChecker,
  type CheckerMode,
  type CheckerStats,
  type LocalCheckerOptions,
} from './local-checker';
export {
  createPermissionsClient,
  type Check,
  type PermissionsClient,
  type PermissionsClientOptions,
  type UserRef,
} from './permissions-client';
export type { CheckAnswer, UserPermissionsAnswer } from './wire-schemas';
