export { gmAvailable, type Mac } from './primitives.js';
export {
  headerSuite,
  looksSealed,
  openFile,
  SealError,
  type SealFailure,
  SUITE_IDS,
  SUITE_NAMES,
  type SuiteId,
  sealedSuite,
  sealFile,
} from './seal.js';
export {
  type CryptoSuite,
  hashWith,
  macWith,
  openUnderKek,
  sealUnderKek,
  suiteOf,
} from './suite.js';
