export type {
  AccessDeps,
  AdminDeps,
  Consistency,
  TenantDirectory,
  TokenLookup,
} from './access-deps';
export {
  createAccessRouter,
  createAccessRoutes,
  type AccessRouter,
} from './access-router';
export { createAdminRouter } from './admin-router';
export { toProblem } from './http/problem-handler';
export {
  callerAuth,
  requireTenantAccess,
  type Caller,
} from './http/caller-auth';
export {
  createAuditRouter,
  createErasureRouter,
  type AuditDeps,
  type ErasureDeps,
} from './audit';
