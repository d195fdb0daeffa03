import { normaliseIdentifier } from '../../../core/credit/index.js';
import { macWith, SUITE_IDS, type SuiteId } from './crypto/index.js';

/** The keyed hash that lets later decisions match an identifier without storing it (docs/DOMAIN.md "Privacy"). */
export function identifierHash(key: Buffer, code: string, suite: SuiteId = 'standard'): string {
  return macWith(suite, key, normaliseIdentifier(code)).toString('hex');
}

/**
 * The identifier hashes of one server: new entries are hashed in the configured suite
 * (HALLCAST_CRYPTO); a lookup (duplicate check, search by code, withdrawal by code) matches the
 * hash in every suite some stored entry still uses, since a full number is never kept to rehash.
 */
export interface IdentifierHasher {
  readonly suite: SuiteId;
  /** The hash a new entry stores, in `suite`. */
  hash(code: string): string;
  /** The hashes a lookup matches: `suite`'s first, then the other suite's while entries use it. */
  lookups(code: string): string[];
  /** Entries were stored (a confirm copies staged rows, which may predate a switch): ask the store again. */
  forget(): void;
}

/** `otherSuiteInUse` asks the store once; once none is left, no lookup pays for it again. */
export function createIdentifierHasher(
  key: Buffer,
  suite: SuiteId,
  otherSuiteInUse: (suite: SuiteId) => boolean,
): IdentifierHasher {
  const others = SUITE_IDS.filter((s) => s !== suite);
  let inUse: SuiteId[] | null = null;
  const legacy = () => {
    inUse ??= others.filter((s) => otherSuiteInUse(s));
    return inUse;
  };
  return {
    suite,
    hash: (code) => identifierHash(key, code, suite),
    lookups: (code) => [suite, ...legacy()].map((s) => identifierHash(key, code, s)),
    forget() {
      inUse = null;
    },
  };
}
