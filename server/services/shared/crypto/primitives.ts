import { type BinaryLike, createHash, createHmac, getCiphers, getHashes } from 'node:crypto';

/** The hash functions the suites are built on: SHA-256 (standard) and SM3 (GB/T 32905-2016, gm). */
export type HashName = 'sha256' | 'sm3';

/** An incremental MAC (the shape of Node's Hmac that the suites need), for large or streamed input. */
export interface Mac {
  update(data: BinaryLike): Mac;
  digest(): Buffer;
}

/** Whether this Node's OpenSSL provides what the gm suite needs (SM3 and SM4 in CTR and ECB mode). */
export function gmAvailable(): boolean {
  const ciphers = getCiphers();
  return getHashes().includes('sm3') && ciphers.includes('sm4-ctr') && ciphers.includes('sm4-ecb');
}

const BLOCK = 64; // SHA-256 and SM3 both take 64-byte blocks (RFC 2104's B)

function toBuffer(data: BinaryLike): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (Buffer.isBuffer(data)) return data;
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * HMAC per RFC 2104 built from the plain hash: H((K ^ opad) || H((K ^ ipad) || m)). Used when
 * Node's createHmac does not take the hash (some OpenSSL builds list sm3 as a digest only).
 */
export function rfc2104Mac(hash: HashName, key: BinaryLike): Mac {
  let k = toBuffer(key);
  if (k.length > BLOCK) k = createHash(hash).update(k).digest();
  const padded = Buffer.alloc(BLOCK);
  k.copy(padded);
  const pad = (byte: number) => Buffer.from(padded.map((b) => b ^ byte));
  const inner = createHash(hash).update(pad(0x36));
  const mac: Mac = {
    update(data) {
      inner.update(data);
      return mac;
    },
    digest: () => createHash(hash).update(pad(0x5c)).update(inner.digest()).digest(),
  };
  return mac;
}

const nativeHmac = new Map<HashName, boolean>();

function hasNativeHmac(hash: HashName): boolean {
  let known = nativeHmac.get(hash);
  if (known === undefined) {
    try {
      createHmac(hash, Buffer.alloc(1)).update('').digest();
      known = true;
    } catch {
      known = false;
    }
    nativeHmac.set(hash, known);
  }
  return known;
}

/** HMAC over the given hash: Node's own where it has it, else RFC 2104 over createHash. */
export function createMac(hash: HashName, key: BinaryLike): Mac {
  if (!hasNativeHmac(hash)) return rfc2104Mac(hash, key);
  const h = createHmac(hash, key);
  const mac: Mac = {
    update(data) {
      h.update(data);
      return mac;
    },
    digest: () => h.digest(),
  };
  return mac;
}

export const digest = (hash: HashName, data: BinaryLike): Buffer => createHash(hash).update(data).digest();

export const hmac = (hash: HashName, key: BinaryLike, data: BinaryLike): Buffer =>
  createMac(hash, key).update(data).digest();

/**
 * HKDF (RFC 5869) over the given hash's HMAC, so the gm suite's keys come from HMAC-SM3 and the
 * standard suite's from HMAC-SHA256 (Node's hkdfSync would do for SHA-256, but not on every build
 * for SM3; one implementation, checked against RFC 5869's vectors, serves both).
 */
export function hkdf(
  hash: HashName,
  ikm: BinaryLike,
  salt: BinaryLike,
  info: BinaryLike,
  length: number,
): Buffer {
  const hashLen = 32;
  if (length > 255 * hashLen) throw new RangeError(`HKDF 输出最长 ${255 * hashLen} 字节`);
  const prk = hmac(hash, toBuffer(salt).length > 0 ? salt : Buffer.alloc(hashLen), ikm);
  const blocks: Buffer[] = [];
  let t: Buffer = Buffer.alloc(0);
  for (let i = 1; blocks.length * hashLen < length; i++) {
    t = createMac(hash, prk)
      .update(t)
      .update(info)
      .update(Buffer.from([i]))
      .digest();
    blocks.push(t);
  }
  return Buffer.concat(blocks).subarray(0, length);
}
