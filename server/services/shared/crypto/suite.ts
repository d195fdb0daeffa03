import type { BinaryLike } from 'node:crypto';
import { createMac, digest, type HashName, hkdf, hmac, type Mac } from './primitives.js';
import { headerSuite, openWith, SUITE_NAMES, type SuiteId, sealWith } from './seal.js';

/**
 * One set of algorithms for every security use: `standard` (SHA-256, HMAC-SHA256, HKDF-SHA256,
 * AES-256-GCM) or `gm` (SM3, HMAC-SM3, HKDF over HMAC-SM3, SM4-CTR + HMAC-SM3), chosen by
 * HALLCAST_CRYPTO. Content addressing of datasets and media is no security control and stays
 * SHA-256 whatever the suite.
 */
export interface CryptoSuite {
  readonly id: SuiteId;
  /** The suite's name for people, e.g. in a start-up message. */
  readonly name: string;
  hash(data: BinaryLike): Buffer;
  hashHex(data: BinaryLike): string;
  mac(key: BinaryLike, data: BinaryLike): Buffer;
  macHex(key: BinaryLike, data: BinaryLike): string;
  /** An incremental MAC, for input too large to hold (backups) or built in parts. */
  createMac(key: BinaryLike): Mac;
  /** A key for one purpose from a master key (the KEK): HKDF with info `hallcast/<purpose>`. */
  deriveKey(master: Buffer, purpose: string, length?: number): Buffer;
  /** Encryption at rest under a derived key; the blob's header names this suite. */
  seal(key: Buffer, plaintext: Buffer): Buffer;
  /** Checks, then decrypts a blob this suite sealed; throws SealError (nothing decrypted) otherwise. */
  open(key: Buffer, sealed: Buffer): Buffer;
}

const HASH: Record<SuiteId, HashName> = { standard: 'sha256', gm: 'sm3' };

function makeSuite(id: SuiteId): CryptoSuite {
  const h = HASH[id];
  return {
    id,
    name: SUITE_NAMES[id],
    hash: (data) => digest(h, data),
    hashHex: (data) => digest(h, data).toString('hex'),
    mac: (key, data) => hmac(h, key, data),
    macHex: (key, data) => hmac(h, key, data).toString('hex'),
    createMac: (key) => createMac(h, key),
    deriveKey: (master, purpose, length = 32) =>
      hkdf(h, master, `hallcast/${id}`, `hallcast/${purpose}`, length),
    seal: (key, plaintext) => sealWith(id, key, plaintext),
    open: (key, sealed) => openWith(id, key, sealed),
  };
}

const SUITES: Record<SuiteId, CryptoSuite> = { standard: makeSuite('standard'), gm: makeSuite('gm') };

/** The suite of an id (a configuration value, or the suite recorded beside a stored hash or MAC). */
export const suiteOf = (id: SuiteId): CryptoSuite => SUITES[id];

/** The hash of a suite named at run time (a record that says which suite made its hash). */
export const hashWith = (id: SuiteId, data: BinaryLike): Buffer => SUITES[id].hash(data);

/** The MAC of a suite named at run time: a chain record, a code_hash or a token hash in its own suite. */
export const macWith = (id: SuiteId, key: BinaryLike, data: BinaryLike): Buffer => SUITES[id].mac(key, data);

/** Seals under the key derived from the KEK for `purpose` in the given suite. */
export function sealUnderKek(id: SuiteId, kek: Buffer, purpose: string, plaintext: Buffer): Buffer {
  const suite = SUITES[id];
  return suite.seal(suite.deriveKey(kek, purpose), plaintext);
}

/**
 * Opens a blob sealed by sealUnderKek in whichever suite its header names (so blobs sealed before
 * a switch of HALLCAST_CRYPTO still open) and says which suite that was, for the caller to reseal.
 */
export function openUnderKek(
  kek: Buffer,
  purpose: string,
  sealed: Buffer,
): { plaintext: Buffer; suite: SuiteId } {
  const id = headerSuite(sealed);
  const suite = SUITES[id];
  return { plaintext: suite.open(suite.deriveKey(kek, purpose), sealed), suite: id };
}
