export { describeEventStoreContract } from './event-store-contract';
export type { ContractFactory } from './contract/fixtures';
