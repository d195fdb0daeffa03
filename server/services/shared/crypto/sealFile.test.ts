import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openFile, openWith, SealError, SUITE_IDS, sealFile, sealWith } from './seal.js';

const dir = mkdtempSync(join(tmpdir(), 'hallcast-sealfile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const KEY = Buffer.alloc(32, 0x17);
let n = 0;
const file = (bytes: Buffer) => {
  const path = join(dir, `f${n++}`);
  writeFileSync(path, bytes);
  return path;
};

describe.each(SUITE_IDS)('sealed files (%s)', (suite) => {
  // Larger than one read chunk (1 MiB), and not a multiple of the block size.
  const plain = randomBytes(2.5 * 1024 * 1024 + 7);

  it('round-trips a file of several chunks, in the blob format openWith reads', async () => {
    const src = file(plain);
    const sealed = join(dir, `s${n++}`);
    await sealFile(suite, KEY, src, sealed);
    const out = join(dir, `o${n++}`);
    expect(await openFile(KEY, sealed, out)).toBe(suite);
    expect(readFileSync(out).equals(plain)).toBe(true);
    expect(openWith(suite, KEY, readFileSync(sealed)).equals(plain)).toBe(true);
    // And a blob sealed in memory opens as a file.
    const small = file(sealWith(suite, KEY, Buffer.from('小文件')));
    const out2 = join(dir, `o${n++}`);
    await openFile(KEY, small, out2);
    expect(readFileSync(out2, 'utf8')).toBe('小文件');
  });

  it('refuses a flipped bit anywhere, a truncation and the wrong key, writing nothing', async () => {
    const src = file(plain.subarray(0, 300_000));
    const sealed = join(dir, `s${n++}`);
    await sealFile(suite, KEY, src, sealed);
    const good = readFileSync(sealed);
    for (const at of [20, 40, 150_000, good.length - 1]) {
      const bad = Buffer.from(good);
      bad[at]! ^= 0x01;
      const out = join(dir, `o${n++}`);
      await expect(openFile(KEY, file(bad), out)).rejects.toBeInstanceOf(SealError);
      expect(existsSync(out)).toBe(false);
    }
    const out = join(dir, `o${n++}`);
    await expect(openFile(KEY, file(good.subarray(0, good.length - 10)), out)).rejects.toMatchObject({
      reason: 'integrity',
    });
    await expect(openFile(Buffer.alloc(32, 0x18), sealed, out)).rejects.toMatchObject({ reason: 'key' });
    expect(existsSync(out)).toBe(false);
  });
});
