export { cachedTokenLookup, type TokenLookup } from './cached-token-lookup';
export {
  createTenantDirectoryReader,
  type TenantDirectoryReader,
  type TokenRecord,
} from './tenant-directory-reader';
export { tenantDirectoryProjection } from './tenant-directory-projection';
export type { TenantDirectoryDatabase } from './tenant-directory-tables';
