export { gmAvailable, type Mac } from './primitives.js';
export {
  headerSuite,
  looksSealed,
  SealError,
  type SealFailure,
  SUITE_IDS,
  SUITE_NAMES,
  type SuiteId,
  sealedSuite,
} from './seal.js';
export {
  type CryptoSuite,
  hashWith,
  macWith,
  openUnderKek,
  sealUnderKek,
  suiteOf,
} from './suite.js';
