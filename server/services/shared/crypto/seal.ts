import { createCipheriv, createDecipheriv, type Decipher, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createMac, type HashName, hkdf } from './primitives.js';

/**
 * Encryption at rest. A sealed blob is
 *   header = magic "HCSL" (4) | version (1) | suite (1) | key check (8)
 *   then, standard: IV (12) | AES-256-GCM ciphertext | GCM tag (16), the header as AAD;
 *         gm:       IV (16) | SM4-CTR ciphertext | HMAC-SM3 tag (32) over header, IV and ciphertext,
 *                   under a MAC key separate from the SM4 key, checked before anything is decrypted.
 * The header says which suite opens the blob; the key check (8 bytes derived from the key, never
 * the key) tells a wrong key file from a tampered blob, so the operator is told which it is.
 */
export type SuiteId = 'standard' | 'gm';

export const SUITE_IDS = ['standard', 'gm'] as const satisfies readonly SuiteId[];

export const SUITE_NAMES: Record<SuiteId, string> = {
  standard: '标准套件（AES-256-GCM）',
  gm: '国密套件（SM4-CTR + HMAC-SM3）',
};

export type SealFailure = 'format' | 'version' | 'suite' | 'key' | 'integrity';

/** A blob refused by open: nothing of it was decrypted. `reason` is stable; the message is for people. */
export class SealError extends Error {
  constructor(
    readonly reason: SealFailure,
    message: string,
  ) {
    super(message);
    this.name = 'SealError';
  }
}

const MAGIC = Buffer.from('HCSL', 'ascii');
const VERSION = 1;
const SUITE_BYTE: Record<SuiteId, number> = { standard: 1, gm: 2 };
const CHECK_LENGTH = 8;
export const HEADER_LENGTH = MAGIC.length + 2 + CHECK_LENGTH;

interface Layout {
  hash: HashName;
  ivLength: number;
  tagLength: number;
}

const LAYOUT: Record<SuiteId, Layout> = {
  standard: { hash: 'sha256', ivLength: 12, tagLength: 16 },
  gm: { hash: 'sm3', ivLength: 16, tagLength: 32 },
};

/** Subkeys of one sealing key, each for one use (RFC 5869 info strings), so no key serves two. */
function subkey(suite: SuiteId, key: Buffer, use: 'check' | 'enc' | 'mac', length: number): Buffer {
  return hkdf(LAYOUT[suite].hash, key, '', `hallcast/seal/v1/${use}`, length);
}

function header(suite: SuiteId, key: Buffer): Buffer {
  return Buffer.concat([
    MAGIC,
    Buffer.from([VERSION, SUITE_BYTE[suite]]),
    subkey(suite, key, 'check', CHECK_LENGTH),
  ]);
}

/** The suite a sealed blob's header names; SealError when the header is no header of ours. */
export function headerSuite(blob: Buffer): SuiteId {
  if (!looksSealed(blob)) throw new SealError('format', '不是 HallCast 加密数据（文件头不符）');
  if (blob.length < HEADER_LENGTH) throw new SealError('format', '加密数据不完整（长度不足），可能被截断');
  const version = blob[MAGIC.length];
  if (version !== VERSION)
    throw new SealError('version', `加密数据的格式版本 ${version} 不受支持（此版本读取版本 ${VERSION}）`);
  const byte = blob[MAGIC.length + 1];
  const suite = (Object.keys(SUITE_BYTE) as SuiteId[]).find((s) => SUITE_BYTE[s] === byte);
  if (!suite) throw new SealError('suite', `加密数据标明的密码套件（${byte}）未知`);
  return suite;
}

/** The suite a sealed blob names, or null when it is no sealed blob at all. */
export function sealedSuite(blob: Buffer): SuiteId | null {
  try {
    return headerSuite(blob);
  } catch {
    return null;
  }
}

/** Whether a blob starts like a sealed one (magic only), so a sealed file is never read as plain. */
export const looksSealed = (blob: Buffer): boolean =>
  blob.length >= MAGIC.length && blob.subarray(0, MAGIC.length).equals(MAGIC);

/** Encrypts under `key` (32 bytes or more of secret, e.g. deriveKey of the KEK for one purpose). */
export function sealWith(suite: SuiteId, key: Buffer, plaintext: Buffer): Buffer {
  const head = header(suite, key);
  const { ivLength } = LAYOUT[suite];
  const iv = randomBytes(ivLength);
  if (suite === 'standard') {
    const c = createCipheriv('aes-256-gcm', subkey(suite, key, 'enc', 32), iv).setAAD(head);
    const body = Buffer.concat([c.update(plaintext), c.final()]);
    return Buffer.concat([head, iv, body, c.getAuthTag()]);
  }
  const c = createCipheriv('sm4-ctr', subkey(suite, key, 'enc', 16), iv);
  const body = Buffer.concat([c.update(plaintext), c.final()]);
  const tag = createMac('sm3', subkey(suite, key, 'mac', 32))
    .update(head)
    .update(iv)
    .update(body)
    .digest();
  return Buffer.concat([head, iv, body, tag]);
}

function checkHeader(suite: SuiteId, key: Buffer, blob: Buffer): void {
  const named = headerSuite(blob);
  if (named !== suite)
    throw new SealError('suite', `该数据由${SUITE_NAMES[named]}加密，不能用${SUITE_NAMES[suite]}打开`);
  const { ivLength, tagLength } = LAYOUT[suite];
  if (blob.length < HEADER_LENGTH + ivLength + tagLength)
    throw new SealError('format', '加密数据不完整（长度不足），可能被截断');
  const check = blob.subarray(MAGIC.length + 2, HEADER_LENGTH);
  if (!timingSafeEqual(check, subkey(suite, key, 'check', CHECK_LENGTH)))
    throw new SealError('key', '密钥不符：该数据不是用此密钥加密的（KEK 文件不对，或文件头被改动），未解密');
}

const tampered = () => new SealError('integrity', '完整性校验失败：加密数据被改动或已损坏，未解密');

/** Checks and decrypts a blob sealed by sealWith in the same suite; throws SealError, never returns a part. */
export function openWith(suite: SuiteId, key: Buffer, blob: Buffer): Buffer {
  checkHeader(suite, key, blob);
  const { ivLength, tagLength } = LAYOUT[suite];
  const head = blob.subarray(0, HEADER_LENGTH);
  const iv = blob.subarray(HEADER_LENGTH, HEADER_LENGTH + ivLength);
  const body = blob.subarray(HEADER_LENGTH + ivLength, blob.length - tagLength);
  const tag = blob.subarray(blob.length - tagLength);
  if (suite === 'standard') {
    const d = createDecipheriv('aes-256-gcm', subkey(suite, key, 'enc', 32), iv)
      .setAAD(head)
      .setAuthTag(tag);
    const out = d.update(body);
    try {
      d.final(); // GCM checks the tag here; what update returned is dropped unless it passes
    } catch {
      out.fill(0);
      throw tampered();
    }
    return out;
  }
  const expected = createMac('sm3', subkey(suite, key, 'mac', 32))
    .update(head)
    .update(iv)
    .update(body)
    .digest();
  if (!timingSafeEqual(expected, tag)) throw tampered();
  const d = createDecipheriv('sm4-ctr', subkey(suite, key, 'enc', 16), iv);
  return Buffer.concat([d.update(body), d.final()]);
}

// ------------------------------------------------------------------ files (backups)

/** Reads `path` from `start` to `end` (exclusive) a chunk at a time. */
async function* chunks(path: string, start: number, end: number): AsyncGenerator<Buffer> {
  if (end <= start) return;
  for await (const c of createReadStream(path, { start, end: end - 1, highWaterMark: 1 << 20 }))
    yield c as Buffer;
}

/** Writes what `produce` yields to `path`, flushed to disk before it resolves. */
async function writeAll(path: string, produce: AsyncIterable<Buffer>): Promise<void> {
  const fh = await open(path, 'wx', 0o600);
  try {
    for await (const c of produce) await fh.write(c);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/**
 * Seals a file of any size into `dst` in the blob format above (a small one opens with openWith
 * too), streaming: memory stays at a chunk whatever the size (a database, a video).
 */
export async function sealFile(suite: SuiteId, key: Buffer, src: string, dst: string): Promise<void> {
  const head = header(suite, key);
  const iv = randomBytes(LAYOUT[suite].ivLength);
  const size = (await stat(src)).size;
  await writeAll(
    dst,
    (async function* () {
      yield head;
      yield iv;
      if (suite === 'standard') {
        const c = createCipheriv('aes-256-gcm', subkey(suite, key, 'enc', 32), iv).setAAD(head);
        for await (const part of chunks(src, 0, size)) yield c.update(part);
        yield c.final();
        yield c.getAuthTag();
        return;
      }
      const c = createCipheriv('sm4-ctr', subkey(suite, key, 'enc', 16), iv);
      const mac = createMac('sm3', subkey(suite, key, 'mac', 32))
        .update(head)
        .update(iv);
      for await (const part of chunks(src, 0, size)) {
        const out = c.update(part);
        mac.update(out);
        yield out;
      }
      const last = c.final();
      mac.update(last);
      yield last;
      yield mac.digest();
    })(),
  );
}

/**
 * Opens a sealed file into `dst`: header, key check and tag are checked over the whole file
 * first (a first pass, nothing written), then it is decrypted (a second pass). Throws SealError
 * and writes nothing when the file is not whole; returns the suite it was sealed in.
 */
export async function openFile(key: Buffer, src: string, dst: string): Promise<SuiteId> {
  const size = (await stat(src)).size;
  const fh = await open(src, 'r');
  const first = Buffer.alloc(Math.min(size, HEADER_LENGTH + 16));
  try {
    await fh.read(first, 0, first.length, 0);
  } finally {
    await fh.close();
  }
  const suite = headerSuite(first);
  const { ivLength, tagLength } = LAYOUT[suite];
  if (size < HEADER_LENGTH + ivLength + tagLength)
    throw new SealError('format', '加密数据不完整（长度不足），可能被截断');
  checkHeader(
    suite,
    key,
    Buffer.concat([first.subarray(0, HEADER_LENGTH), Buffer.alloc(ivLength + tagLength)]),
  );
  const head = first.subarray(0, HEADER_LENGTH);
  const iv = first.subarray(HEADER_LENGTH, HEADER_LENGTH + ivLength);
  const bodyStart = HEADER_LENGTH + ivLength;
  const bodyEnd = size - tagLength;
  let tag = Buffer.alloc(0);
  for await (const c of chunks(src, bodyEnd, size)) tag = Buffer.concat([tag, c]);

  if (suite === 'standard') {
    const decipher = () =>
      createDecipheriv('aes-256-gcm', subkey(suite, key, 'enc', 32), iv)
        .setAAD(head)
        .setAuthTag(tag);
    // First pass: GCM's tag is known only at the end; what it deciphers is dropped.
    const check = decipher();
    for await (const c of chunks(src, bodyStart, bodyEnd)) check.update(c).fill(0);
    try {
      check.final();
    } catch {
      throw tampered();
    }
    await writeAll(dst, deciphered(decipher(), src, bodyStart, bodyEnd));
    return suite;
  }
  const mac = createMac('sm3', subkey(suite, key, 'mac', 32))
    .update(head)
    .update(iv);
  for await (const c of chunks(src, bodyStart, bodyEnd)) mac.update(c);
  if (!timingSafeEqual(mac.digest(), tag)) throw tampered();
  const d = createDecipheriv('sm4-ctr', subkey(suite, key, 'enc', 16), iv);
  await writeAll(dst, deciphered(d, src, bodyStart, bodyEnd));
  return suite;
}

/** The plaintext of a file's body through a decipher, a chunk at a time (the second pass). */
async function* deciphered(d: Decipher, src: string, start: number, end: number): AsyncGenerator<Buffer> {
  for await (const c of chunks(src, start, end)) yield d.update(c);
  yield d.final();
}
