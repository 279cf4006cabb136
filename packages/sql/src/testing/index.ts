export { describeSqlClient } from './describe-sql-client';
