export { createFreshDatabase, type FreshDatabase } from './fresh-database';
export { freePort } from './free-port';
export {
  spawnService,
  waitForService,
  type ServiceKind,
  type ServiceProcess,
} from './service-process';
export {
  startTopology,
  type Topology,
  type TopologyOptions,
  type TopologyUrls,
} from './start-topology';
