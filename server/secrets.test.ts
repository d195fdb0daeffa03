import { randomBytes } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from './config.js';
import { configuredSecrets, StartupError } from './main.js';
import { loadSecrets, openSecrets, type SecretsAtRest, SecretsError } from './secrets.js';
import { sealedSuite } from './services/shared/crypto/index.js';

// The real renameSync, watched, so one test can make it fail as a crash before the rename would.
vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  return { ...real, renameSync: vi.fn(real.renameSync) };
});

const root = mkdtempSync(join(tmpdir(), 'hc-secrets-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dir = '';
let n = 0;
beforeEach(() => {
  dir = join(root, `s${++n}`);
  mkdirSync(dir);
});

const KEK = randomBytes(32);
const gm: SecretsAtRest = { kek: KEK, suite: 'gm' };
const standard: SecretsAtRest = { kek: KEK, suite: 'standard' };
const files = () => readdirSync(dir).sort();
const raw = (name: string) => readFileSync(join(dir, name));
const HEX = /^[0-9a-f]{64}$/;

describe('secrets without a KEK (as before)', () => {
  it('are made on first start as 64 hex digits, mode 600, and read back the same', () => {
    const first = loadSecrets(dir);
    expect(files()).toEqual(['audit.key', 'identifier.key']);
    expect(raw('audit.key').toString()).toMatch(HEX);
    expect(statSync(join(dir, 'audit.key')).mode & 0o777).toBe(0o600);
    expect(loadSecrets(dir)).toEqual(first);
    expect(first.auditKey).toHaveLength(32);
    expect(first.auditKey).not.toEqual(first.identifierKey);
  });

  it('refuses a file that is neither 64 hex digits nor sealed (an empty key would be used silently)', () => {
    writeFileSync(join(dir, 'audit.key'), 'not a key');
    expect(() => loadSecrets(dir)).toThrow(/audit\.key 内容无效（须为 64 位十六进制）/);
  });
});

describe('secrets with a KEK', () => {
  it('are made sealed on first start: no key on disk in the clear', () => {
    const { secrets, changes } = openSecrets(dir, gm);
    expect(changes).toEqual(['identifier.key: created sealed', 'audit.key: created sealed']);
    for (const [name, key] of [
      ['audit.key', secrets.auditKey],
      ['identifier.key', secrets.identifierKey],
    ] as const) {
      const blob = raw(name);
      expect(sealedSuite(blob)).toBe('gm');
      expect(blob.includes(key)).toBe(false);
      expect(blob.includes(Buffer.from(key.toString('hex')))).toBe(false);
      expect(statSync(join(dir, name)).mode & 0o777).toBe(0o600);
    }
    expect(files()).toEqual(['audit.key', 'identifier.key']);
    expect(openSecrets(dir, gm)).toEqual({ secrets, changes: [] });
  });

  it('seal an existing plain folder on the first start with a KEK, keeping every key', () => {
    const plain = loadSecrets(dir);
    const { secrets, changes } = openSecrets(dir, gm);
    expect(secrets).toEqual(plain);
    expect(changes).toEqual(['identifier.key: sealed', 'audit.key: sealed']);
    expect(sealedSuite(raw('audit.key'))).toBe('gm');
    expect(sealedSuite(raw('identifier.key'))).toBe('gm');
    expect(files()).toEqual(['audit.key', 'identifier.key']); // no temp file left
    expect(statSync(join(dir, 'identifier.key')).mode & 0o777).toBe(0o600);
    expect(openSecrets(dir, gm).changes).toEqual([]);
  });

  it('migrate atomically: a crash before the rename leaves the plain file whole, and the next start seals it', () => {
    const plain = loadSecrets(dir);
    const before = raw('identifier.key');
    vi.mocked(renameSync).mockImplementationOnce(() => {
      throw Object.assign(new Error('power cut'), { code: 'EIO' });
    });
    expect(() => openSecrets(dir, gm)).toThrow('power cut');
    expect(raw('identifier.key')).toEqual(before);
    expect(raw('audit.key').toString()).toMatch(HEX);
    expect(loadSecrets(dir)).toEqual(plain); // still readable without the KEK
    expect(openSecrets(dir, gm).secrets).toEqual(plain);
    expect(files()).toEqual(['audit.key', 'identifier.key']);
  });

  it('finish a half-done migration (one file sealed, one plain)', () => {
    const plain = loadSecrets(dir);
    writeFileSync(join(dir, 'audit.key'), `${plain.auditKey.toString('hex')}\n`);
    openSecrets(dir, gm);
    writeFileSync(join(dir, 'audit.key'), plain.auditKey.toString('hex'));
    const { secrets, changes } = openSecrets(dir, gm);
    expect(secrets).toEqual(plain);
    expect(changes).toEqual(['audit.key: sealed']);
  });

  it('are resealed in the new suite after HALLCAST_CRYPTO changes, keys unchanged', () => {
    const first = openSecrets(dir, standard).secrets;
    expect(sealedSuite(raw('audit.key'))).toBe('standard');
    const { secrets, changes } = openSecrets(dir, gm);
    expect(secrets).toEqual(first);
    expect(changes).toEqual([
      'identifier.key: resealed standard -> gm',
      'audit.key: resealed standard -> gm',
    ]);
    expect(sealedSuite(raw('audit.key'))).toBe('gm');
  });
});

describe('sealed secrets refused, nothing rewritten', () => {
  const unchanged = (fn: () => unknown, message: RegExp) => {
    const before = [raw('audit.key'), raw('identifier.key')];
    expect(fn).toThrow(message);
    expect([raw('audit.key'), raw('identifier.key')]).toEqual(before);
  };

  it('without a KEK: the message asks for HALLCAST_KEK_FILE', () => {
    openSecrets(dir, gm);
    expect(() => loadSecrets(dir)).toThrow(SecretsError);
    unchanged(() => loadSecrets(dir), /已加密保存.*请设置 HALLCAST_KEK_FILE/);
  });

  it('with the wrong KEK: the message names the KEK file', () => {
    openSecrets(dir, gm);
    const wrong = { kek: randomBytes(32), suite: 'gm', kekFile: '/etc/hallcast/other.kek' } as const;
    unchanged(
      () => openSecrets(dir, wrong),
      /不是用 HALLCAST_KEK_FILE（\/etc\/hallcast\/other\.kek）中的密钥加密密钥加密的/,
    );
  });

  it('tampered: one flipped bit', () => {
    openSecrets(dir, gm);
    const blob = raw('audit.key');
    blob[blob.length - 1] = (blob[blob.length - 1] ?? 0) ^ 1;
    writeFileSync(join(dir, 'audit.key'), blob);
    unchanged(() => openSecrets(dir, gm), /audit\.key 无法打开（完整性校验失败.*）：请从备份恢复密钥目录/);
  });

  it('swapped: each file is bound to its name', () => {
    openSecrets(dir, gm);
    const audit = raw('audit.key');
    writeFileSync(join(dir, 'audit.key'), raw('identifier.key'));
    writeFileSync(join(dir, 'identifier.key'), audit);
    unchanged(() => openSecrets(dir, gm), /identifier\.key 不是用/);
  });
});

describe('the configured secrets', () => {
  it("come sealed in HALLCAST_CRYPTO's suite under HALLCAST_KEK_FILE; a wrong KEK stops the start", () => {
    const dataDir = join(root, `data${++n}`);
    const kekFile = join(root, `kek${n}`);
    writeFileSync(kekFile, randomBytes(32).toString('hex'), { mode: 0o600 });
    mkdirSync(join(dataDir, 'secrets'), { recursive: true });
    const config = loadConfig({
      HALLCAST_DATA_DIR: dataDir,
      HALLCAST_CRYPTO: 'gm',
      HALLCAST_KEK_FILE: kekFile,
    });
    const { secrets } = configuredSecrets(config);
    expect(sealedSuite(readFileSync(join(dataDir, 'secrets', 'audit.key')))).toBe('gm');
    expect(configuredSecrets(config).secrets).toEqual(secrets);
    writeFileSync(kekFile, randomBytes(32).toString('hex'));
    expect(() => configuredSecrets(config)).toThrow(StartupError);
    expect(() => configuredSecrets({ ...config, kekFile: undefined })).toThrow(/请设置 HALLCAST_KEK_FILE/);
  });
});
