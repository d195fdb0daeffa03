import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Config } from './config.js';
import {
  looksSealed,
  openUnderKek,
  SealError,
  type SuiteId,
  sealUnderKek,
} from './services/shared/crypto/index.js';
import { readKek } from './services/shared/crypto/kek.js';

export interface Secrets {
  /** Key of the keyed hash of identifiers (ID numbers), docs/DOMAIN.md "Privacy". */
  identifierKey: Buffer;
  /** Key of the audit log's hash chain. */
  auditKey: Buffer;
}

/** How the secrets files are kept: sealed under a key-encryption key, or plain hex as before. */
export interface SecretsAtRest {
  /** The KEK (HALLCAST_KEK_FILE); null keeps the files plain. */
  kek: Buffer | null;
  /** The suite new files are sealed in, and files sealed in the other suite are resealed in. */
  suite: SuiteId;
  /** Where the KEK came from, for messages. */
  kekFile?: string;
}

/** A secrets file that cannot be read as configured; the message says what to do. */
export class SecretsError extends Error {}

/** One line per file the load sealed or resealed, for the start-up log. */
export type SecretsChange = `${string}: ${'created sealed' | 'sealed' | `resealed ${SuiteId} -> ${SuiteId}`}`;

const FILES: Record<keyof Secrets, string> = { identifierKey: 'identifier.key', auditKey: 'audit.key' };
const KEY_BYTES = 32;
const PLAIN = /^[0-9a-fA-F]{64}$/;

/** Writes a temp file beside `file`, on disk before it is named (fsync), and returns its path. */
function writeTemp(file: string, data: Buffer): string {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return tmp;
}

function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    fsyncSync(fd);
    closeSync(fd);
  } catch {
    // not every platform opens a directory; the rename itself is still atomic
  }
}

/** Replaces `file` in one step: a reader sees the old content or the new, never a part. */
function replaceAtomically(file: string, data: Buffer): void {
  const tmp = writeTemp(file, data);
  try {
    renameSync(tmp, file);
  } catch (err) {
    unlinkSync(tmp);
    throw err;
  }
  syncDir(dirname(file));
}

/** Creates `file` only if absent (hard link of a complete temp file); false if another process won. */
function createAtomically(file: string, data: Buffer): boolean {
  const tmp = writeTemp(file, data);
  try {
    linkSync(tmp, file);
    syncDir(dirname(file));
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    unlinkSync(tmp);
  }
}

function openSealed(file: string, raw: Buffer, atRest: SecretsAtRest): { key: Buffer; suite: SuiteId } {
  if (!atRest.kek)
    throw new SecretsError(
      `密钥文件 ${file} 已加密保存，读取它需要加密时所用的密钥加密密钥：请设置 HALLCAST_KEK_FILE`,
    );
  try {
    const { plaintext, suite } = openUnderKek(atRest.kek, `secrets/${basename(file)}`, raw);
    if (plaintext.length !== KEY_BYTES)
      throw new SealError('format', `内容长度 ${plaintext.length} 字节不对`);
    return { key: plaintext, suite };
  } catch (err) {
    if (!(err instanceof SealError)) throw err;
    if (err.reason === 'key')
      throw new SecretsError(
        `密钥文件 ${file} 不是用 HALLCAST_KEK_FILE（${atRest.kekFile ?? '当前'}）中的密钥加密密钥加密的：请换回加密它时所用的 KEK 文件`,
      );
    throw new SecretsError(`密钥文件 ${file} 无法打开（${err.message}）：请从备份恢复密钥目录`);
  }
}

function readPlain(file: string, raw: Buffer): Buffer {
  const text = raw.toString('utf8').trim();
  if (!PLAIN.test(text))
    throw new SecretsError(`密钥文件 ${file} 内容无效（须为 64 位十六进制）：请从备份恢复密钥目录`);
  return Buffer.from(text, 'hex');
}

/** One secret: made on first start, sealed when a KEK is configured, resealed when the suite changed. */
function loadSecret(dir: string, name: string, atRest: SecretsAtRest, changes: SecretsChange[]): Buffer {
  const file = join(dir, name);
  const purpose = `secrets/${name}`;
  const { kek, suite } = atRest;
  if (!existsSync(file)) {
    const fresh = randomBytes(KEY_BYTES);
    if (!kek) writeFileSync(file, fresh.toString('hex'), { mode: 0o600, flag: 'wx' });
    else if (createAtomically(file, sealUnderKek(suite, kek, purpose, fresh)))
      changes.push(`${name}: created sealed`);
  }
  const raw = readFileSync(file);
  if (looksSealed(raw)) {
    const opened = openSealed(file, raw, atRest);
    if (opened.suite !== suite && kek) {
      replaceAtomically(file, sealUnderKek(suite, kek, purpose, opened.key));
      changes.push(`${name}: resealed ${opened.suite} -> ${suite}`);
    }
    return opened.key;
  }
  const key = readPlain(file, raw);
  if (kek) {
    replaceAtomically(file, sealUnderKek(suite, kek, purpose, key));
    changes.push(`${name}: sealed`);
  }
  return key;
}

/**
 * Reads the secrets from their own files in the data dir, making them on first start. With a KEK
 * each file holds its key sealed (bound to its file name); a plain file is sealed in place on the
 * first start with a KEK (temp file + rename, so a crash leaves the old file or the new one).
 */
export function openSecrets(
  secretsDir: string,
  atRest: SecretsAtRest = { kek: null, suite: 'standard' },
): { secrets: Secrets; changes: SecretsChange[] } {
  const changes: SecretsChange[] = [];
  const secrets = {
    identifierKey: loadSecret(secretsDir, FILES.identifierKey, atRest, changes),
    auditKey: loadSecret(secretsDir, FILES.auditKey, atRest, changes),
  };
  return { secrets, changes };
}

/** The secrets alone, plain or sealed as `atRest` says (plain by default, as before a KEK). */
export const loadSecrets = (secretsDir: string, atRest?: SecretsAtRest): Secrets =>
  openSecrets(secretsDir, atRest).secrets;

/** The secrets files' folder inside the data dir. */
export const secretsDirOf = (dataDir: string) => join(dataDir, 'secrets');

/** The secrets as the configuration keeps them: sealed under HALLCAST_KEK_FILE in HALLCAST_CRYPTO's suite. */
export function openConfiguredSecrets(config: Pick<Config, 'dataDir' | 'crypto' | 'kekFile'>) {
  const kek = config.kekFile ? readKek(config.kekFile) : null;
  return openSecrets(secretsDirOf(config.dataDir), { kek, suite: config.crypto, kekFile: config.kekFile });
}
