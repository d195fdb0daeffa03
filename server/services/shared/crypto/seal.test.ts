import { createDecipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { HEADER_LENGTH, SealError, type SuiteId, sealedSuite } from './seal.js';
import { openUnderKek, sealUnderKek, suiteOf } from './suite.js';

// The real createDecipheriv, watched: a refused gm blob must never reach the decipher.
vi.mock('node:crypto', async (original) => {
  const real = await original<typeof import('node:crypto')>();
  return { ...real, createDecipheriv: vi.fn(real.createDecipheriv) };
});

const KEK = Buffer.alloc(32, 0x42);
const PLAIN = Buffer.from('名单密钥 identifier key 0123456789abcdef'.repeat(5));

/** Where each part of a blob lies in its suite: header, IV, ciphertext, tag. */
const parts = (suite: SuiteId, blob: Buffer) => {
  const iv = suite === 'gm' ? 16 : 12;
  const tag = suite === 'gm' ? 32 : 16;
  return {
    magic: 0,
    version: 4,
    suiteByte: 5,
    keyCheck: 6,
    iv: HEADER_LENGTH,
    ciphertext: HEADER_LENGTH + iv,
    tag: blob.length - tag,
  };
};

const refusal = (fn: () => unknown): SealError => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(SealError);
    return err as SealError;
  }
  throw new Error('expected a refusal');
};

describe.each(['standard', 'gm'] as const)('seal and open, %s suite', (id) => {
  const suite = suiteOf(id);
  const key = suite.deriveKey(KEK, 'test');

  it('round-trips, with a header that names the suite and a fresh IV each time', () => {
    const a = suite.seal(key, PLAIN);
    const b = suite.seal(key, PLAIN);
    expect(a.subarray(0, 4).toString('ascii')).toBe('HCSL');
    expect(sealedSuite(a)).toBe(id);
    expect(a).not.toEqual(b);
    expect(a.includes(PLAIN.subarray(0, 16))).toBe(false);
    expect(suite.open(key, a)).toEqual(PLAIN);
    expect(suite.open(key, b)).toEqual(PLAIN);
    expect(suite.open(key, suite.seal(key, Buffer.alloc(0)))).toEqual(Buffer.alloc(0));
  });

  it.each([
    ['magic', 'format'],
    ['version', 'version'],
    ['suiteByte', 'suite'],
    ['keyCheck', 'key'],
    ['iv', 'integrity'],
    ['ciphertext', 'integrity'],
    ['tag', 'integrity'],
  ] as const)('refuses a flipped bit in the %s (%s)', (part, reason) => {
    const blob = suite.seal(key, PLAIN);
    const at = parts(id, blob)[part];
    blob[at] = (blob[at] ?? 0) ^ 0x01;
    const err = refusal(() => suite.open(key, blob));
    expect(err.reason).toBe(reason);
    expect(err.message).toMatch(/[\u4e00-\u9fff]/);
    if (reason === 'integrity') expect(err.message).toContain('未解密');
  });

  it.runIf(id === 'gm')('checks the HMAC before decrypting: a refused blob never reaches SM4', () => {
    const blob = suite.seal(key, PLAIN);
    blob[blob.length - 40] = (blob[blob.length - 40] ?? 0) ^ 0x80;
    vi.mocked(createDecipheriv).mockClear();
    expect(() => suite.open(key, blob)).toThrow(SealError);
    expect(createDecipheriv).not.toHaveBeenCalled();
    suite.open(key, suite.seal(key, PLAIN));
    expect(createDecipheriv).toHaveBeenCalledTimes(1);
  });

  it('refuses every single flipped bit of a short blob', () => {
    const blob = suite.seal(key, Buffer.from('短'));
    for (let i = 0; i < blob.length * 8; i++) {
      const bad = Buffer.from(blob);
      bad[i >> 3] = (bad[i >> 3] ?? 0) ^ (1 << (i & 7));
      expect(() => suite.open(key, bad), `bit ${i}`).toThrow(SealError);
    }
  });

  it('refuses a truncated blob and one with bytes appended', () => {
    const blob = suite.seal(key, PLAIN);
    expect(refusal(() => suite.open(key, blob.subarray(0, blob.length - 1))).reason).toBe('integrity');
    expect(refusal(() => suite.open(key, blob.subarray(0, HEADER_LENGTH + 3))).reason).toBe('format');
    expect(refusal(() => suite.open(key, Buffer.concat([blob, Buffer.from([0])]))).reason).toBe('integrity');
  });

  it('refuses the wrong KEK, and a key derived for another purpose, as a wrong key', () => {
    const blob = sealUnderKek(id, KEK, 'secrets/audit.key', PLAIN);
    const wrong = refusal(() => openUnderKek(randomBytes(32), 'secrets/audit.key', blob));
    expect(wrong.reason).toBe('key');
    expect(wrong.message).toContain('KEK');
    expect(refusal(() => openUnderKek(KEK, 'secrets/identifier.key', blob)).reason).toBe('key');
    expect(openUnderKek(KEK, 'secrets/audit.key', blob)).toEqual({ plaintext: PLAIN, suite: id });
  });

  it('refuses plain data as no sealed blob', () => {
    expect(refusal(() => suite.open(key, Buffer.from('ab'.repeat(32)))).reason).toBe('format');
    expect(sealedSuite(Buffer.from('ab'.repeat(32)))).toBeNull();
  });
});

describe('across suites', () => {
  it("a suite refuses the other's blob by name; openUnderKek opens either by its header", () => {
    const gmBlob = sealUnderKek('gm', KEK, 'p', PLAIN);
    const stdBlob = sealUnderKek('standard', KEK, 'p', PLAIN);
    const err = refusal(() => suiteOf('standard').open(suiteOf('standard').deriveKey(KEK, 'p'), gmBlob));
    expect(err.reason).toBe('suite');
    expect(err.message).toContain('国密');
    expect(openUnderKek(KEK, 'p', gmBlob).suite).toBe('gm');
    expect(openUnderKek(KEK, 'p', stdBlob).suite).toBe('standard');
  });

  it('the gm blob is SM4-CTR with a 16-byte IV and a 32-byte HMAC-SM3 tag; standard a 12-byte IV and a 16-byte GCM tag', () => {
    const n = PLAIN.length;
    expect(sealUnderKek('gm', KEK, 'p', PLAIN)).toHaveLength(HEADER_LENGTH + 16 + n + 32);
    expect(sealUnderKek('standard', KEK, 'p', PLAIN)).toHaveLength(HEADER_LENGTH + 12 + n + 16);
  });
});
