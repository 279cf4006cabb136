export {
  startTestRoster,
  type TestRoster,
  type TestStore,
} from './test-roster';
export { listen } from './listen';
