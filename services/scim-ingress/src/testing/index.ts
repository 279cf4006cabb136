export { reportBurst, type BurstReport } from './burst-report';
export {
  provisioningBurst,
  type BurstOptions,
  type BurstResult,
} from './provisioning-burst';
export {
  compareWithRebuild,
  openInspector,
  provisionedCounts,
  waitForNoLag,
  type Inspector,
} from './read-models';
export {
  createTenant,
  patchUrn,
  send,
  userUrn,
  type Exchange,
} from './scim-http';
