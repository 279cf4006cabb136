export {
  compareSchemas,
  copySchema,
  type TableComparison,
} from './compare-schemas';
export { generateRosterLog } from './generate-roster-log';
