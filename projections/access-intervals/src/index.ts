export { accessIntervalsMigrations } from './access-intervals-migrations';
export {
  createAccessIntervalsReader,
  INTERVALS_PROJECTION,
  type AccessInterval,
  type AccessIntervalsReader,
} from './access-intervals-reader';
export type {
  AccessIntervalsDatabase,
  AccessIntervalsTable,
} from './access-intervals-tables';
