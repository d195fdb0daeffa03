import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.js';
import { readKek } from './kek.js';

const root = mkdtempSync(join(tmpdir(), 'hc-kek-'));
const dataDir = join(root, 'data');
mkdirSync(dataDir);
const keyHex = randomBytes(32).toString('hex');
const file = (name: string, text: string) => {
  const p = join(root, name);
  writeFileSync(p, text, { mode: 0o600 });
  return p;
};
const outside = file('kek', `${keyHex}\n`);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const config = (env: Record<string, string>) => () => loadConfig({ HALLCAST_DATA_DIR: dataDir, ...env });

describe('HALLCAST_CRYPTO', () => {
  it('defaults to standard, takes gm, and refuses anything else in Chinese', () => {
    expect(config({})().crypto).toBe('standard');
    expect(config({ HALLCAST_CRYPTO: 'gm' })().crypto).toBe('gm');
    expect(config({ HALLCAST_CRYPTO: 'sm4' })).toThrow(
      '配置错误 HALLCAST_CRYPTO: 须为 standard（国际算法）或 gm（国密算法）',
    );
  });
});

describe('HALLCAST_KEK_FILE', () => {
  it('is optional; a good file outside the data dir is taken and read as 32 bytes', () => {
    expect(config({})().kekFile).toBeUndefined();
    expect(config({ HALLCAST_KEK_FILE: outside })().kekFile).toBe(outside);
    expect(readKek(outside).toString('hex')).toBe(keyHex);
  });

  it('refuses a KEK file inside the data dir, also through a symbolic link or as the dir itself', () => {
    const inside = join(dataDir, 'kek');
    writeFileSync(inside, keyHex);
    expect(config({ HALLCAST_KEK_FILE: inside })).toThrow(/HALLCAST_KEK_FILE: .*位于数据目录 .* 之内/);
    const deep = join(dataDir, 'secrets');
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(deep, 'kek'), keyHex);
    expect(config({ HALLCAST_KEK_FILE: join(deep, 'kek') })).toThrow('之内');
    const link = join(root, 'data-link');
    symlinkSync(dataDir, link);
    expect(config({ HALLCAST_KEK_FILE: join(link, 'kek') })).toThrow('之内');
    expect(() => loadConfig({ HALLCAST_DATA_DIR: link, HALLCAST_KEK_FILE: inside })).toThrow('之内');
    expect(config({ HALLCAST_KEK_FILE: dataDir })).toThrow('之内');
  });

  it('a file beside the data dir with a similar name is outside', () => {
    const beside = file('data-kek', keyHex);
    expect(config({ HALLCAST_KEK_FILE: beside })().kekFile).toBe(beside);
  });

  it('refuses a missing file, a wrong length, non-hex text and a key of one repeated byte', () => {
    expect(config({ HALLCAST_KEK_FILE: join(root, 'none') })).toThrow(/无法读取.*ENOENT/);
    expect(config({ HALLCAST_KEK_FILE: file('short', keyHex.slice(2)) })).toThrow('64 位十六进制');
    expect(config({ HALLCAST_KEK_FILE: file('text', 'z'.repeat(64)) })).toThrow('64 位十六进制');
    expect(config({ HALLCAST_KEK_FILE: file('zero', '0'.repeat(64)) })).toThrow('同一字节');
  });
});
