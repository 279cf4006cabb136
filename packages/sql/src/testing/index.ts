export { describeSqlClient } from './describe-sql-client';
export {
  countingSqlClient,
  type CountingSqlClient,
  type SeenStatement,
} from './counting-sql-client';
