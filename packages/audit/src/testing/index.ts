export { eventsOf, resourceOf } from './history-events';
export type { HistoryOperation } from './history-operation';
export { randomOperations } from './random-operations';
export { referenceAccess } from './reference-access';
export { seededRandom, type SeededRandom } from './seeded-random';
export { writeHistory } from './write-history';
export { openLedger, type OpenLedger } from './open-ledger';
