export {
  startTestRoster,
  type TestRoster,
  type TestStore,
} from './test-roster';
export { listen } from './listen';
export {
  patchBody,
  scimClient,
  userBody,
  type ScimClient,
} from './scim-client';
export { countEvents } from './count-events';
export { runServer, waitUntilHealthy, type ServerProcess } from './run-server';
