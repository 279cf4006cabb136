export {
  arbitraryUser,
  arbitraryUserFilter,
  isoTime,
  word,
} from './arbitraries';
