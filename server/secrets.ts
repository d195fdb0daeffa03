import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Secrets {
  /** Key of the keyed hash of identifiers (ID numbers), docs/DOMAIN.md "Privacy". */
  identifierKey: Buffer;
  /** Key of the audit log's hash chain. */
  auditKey: Buffer;
}

function loadOrCreate(dir: string, name: string): Buffer {
  const file = join(dir, name);
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
}

/** Reads the secrets from their own files in the data dir, making them on first start. */
export function loadSecrets(secretsDir: string): Secrets {
  return {
    identifierKey: loadOrCreate(secretsDir, 'identifier.key'),
    auditKey: loadOrCreate(secretsDir, 'audit.key'),
  };
}

/** The secrets files' folder inside the data dir. */
export const secretsDirOf = (dataDir: string) => join(dataDir, 'secrets');
