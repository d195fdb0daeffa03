import { hashWith, SUITE_IDS, type SuiteId } from './crypto/index.js';

/** How a stored hash names its suite: `standard` hashes are bare hex as they always were. */
const TAG: Record<SuiteId, string> = { standard: '', gm: 'sm3:' };

/** The stored form of a secret's hash in a suite. */
export const secretHashIn = (suite: SuiteId, secret: string): string =>
  TAG[suite] + hashWith(suite, secret).toString('hex');

/**
 * Hashes of the secrets HallCast keeps only as hashes: admin session cookies, device tokens and
 * secrets, API keys. New ones are made in the configured suite (HALLCAST_CRYPTO); one stored
 * before a switch is still found by its old form, and the caller rewrites it in the new suite
 * (device tokens and API keys, which live for years; a session ends within its lifetime).
 */
export interface SecretHasher {
  readonly suite: SuiteId;
  /** The stored form of a new secret's hash. */
  hash(secret: string): string;
  /** Every stored form the secret's hash may have, the current suite's first. */
  candidates(secret: string): string[];
  /**
   * The record a secret names, looked up by each stored form in turn; one found by an older
   * form is passed to `rehash` with the current one, so that the next use finds it first.
   */
  find<T>(
    secret: string,
    lookup: (hash: string) => T | undefined,
    rehash?: (found: T, hash: string) => void,
  ): T | undefined;
}

export function createSecretHasher(suite: SuiteId): SecretHasher {
  const order = [suite, ...SUITE_IDS.filter((s) => s !== suite)];
  const candidates = (secret: string) => order.map((s) => secretHashIn(s, secret));
  return {
    suite,
    hash: (secret) => secretHashIn(suite, secret),
    candidates,
    find(secret, lookup, rehash) {
      const [current, ...older] = candidates(secret);
      const found = lookup(current!);
      if (found !== undefined) return found;
      for (const hash of older) {
        const old = lookup(hash);
        if (old === undefined) continue;
        rehash?.(old, current!);
        return old;
      }
      return undefined;
    },
  };
}
