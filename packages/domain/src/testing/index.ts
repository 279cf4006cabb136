export { given, type Then } from './given';
