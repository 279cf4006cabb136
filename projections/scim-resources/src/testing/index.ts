export { dumpScimTables } from './dump-scim-tables';
export {
  chunkAppends,
  generateScimLog,
  type LogShape,
} from './generate-scim-log';
