export type { AuditDeps, ErasureDeps } from './audit-deps';
export { createAuditRouter } from './audit-router';
export { createErasureRouter } from './erasure-router';
