// Credit identifiers, masking and publication windows: pure code shared by server, player and admin.
export * from './dataset.js';
export { formatChineseDate, formatMonths, parseIsoDate, periodEnd } from './dates.js';
export {
  type CheckedEntry,
  checkEntry,
  DECISION_FIELDS,
  type Decision,
  decisionOf,
  type EntryCategory,
  type EntryCells,
  type EntryCheck,
  type EntryField,
  type FieldIssue,
} from './entry.js';
export type { Issue } from './issue.js';
export {
  DEFAULT_MASK_POLICY,
  MaskPolicy,
  maskAny,
  maskDeep,
  maskIdentifiers,
  maskIdNumber,
  maskPersonName,
  maskPhone,
  type NameMode,
} from './mask.js';
export { normaliseIdentifier } from './normalise.js';
export { isValidOrgCode, orgCodeCheckChar } from './orgCode.js';
export {
  makeResidentId,
  type ResidentIdErrorCode,
  type ResidentIdOptions,
  type ResidentIdResult,
  type ResidentIdWarningCode,
  residentIdCheckChar,
  validateResidentId,
} from './residentId.js';
export {
  makeUscc,
  USCC_CHARSET,
  type UsccErrorCode,
  type UsccParts,
  type UsccResult,
  type UsccWarningCode,
  usccCheckChar,
  validateUscc,
} from './uscc.js';
export { isPlausibleRegion, PROVINCE_CODES, USCC_AUTHORITIES, usccTypeLabel } from './usccTable.js';
export {
  isWithinWindow,
  type PublicationWindow,
  publicationWindow,
  rulesFor,
  type WindowInput,
  type WindowIssueCode,
  type WindowResult,
} from './window.js';
export * from './windowRules.js';
