import { createCipheriv, createDecipheriv, createHash, hkdfSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { gmAvailable, hkdf, rfc2104Mac } from './primitives.js';
import { suiteOf } from './suite.js';

const gm = suiteOf('gm');
const standard = suiteOf('standard');
const hex = (s: string) => Buffer.from(s.replace(/\s/g, ''), 'hex');

/** HMAC-SM3 written out here from RFC 2104, independent of the module's own fallback. */
function hmacSm3ByHand(key: Buffer, data: Buffer): Buffer {
  const k = Buffer.alloc(64);
  (key.length > 64 ? createHash('sm3').update(key).digest() : key).copy(k);
  const ipad = Buffer.from(k.map((b) => b ^ 0x36));
  const opad = Buffer.from(k.map((b) => b ^ 0x5c));
  const inner = createHash('sm3')
    .update(Buffer.concat([ipad, data]))
    .digest();
  return createHash('sm3')
    .update(Buffer.concat([opad, inner]))
    .digest();
}

describe('this Node', () => {
  it('provides SM3 and SM4 (the gm suite refuses to start otherwise)', () => {
    expect(gmAvailable()).toBe(true);
  });
});

describe('SM3, GB/T 32905-2016 appendix A', () => {
  it('example 1: "abc"', () => {
    expect(gm.hashHex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });
  it('example 2: "abcd" x 16 (64 bytes, two blocks with the padding)', () => {
    expect(gm.hashHex('abcd'.repeat(16))).toBe(
      'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
    );
  });
});

describe('SM4, GB/T 32907-2016 appendix A', () => {
  const key = hex('0123456789abcdeffedcba9876543210');
  const ecb = (k: Buffer) => createCipheriv('sm4-ecb', k, null).setAutoPadding(false);

  it('example 1: one block encrypts to 681edf34… and decrypts back', () => {
    const c = ecb(key).update(key);
    expect(c.toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
    const d = createDecipheriv('sm4-ecb', key, null).setAutoPadding(false).update(c);
    expect(d).toEqual(key);
  });

  // 1,000,000 encryptions of the block under the same key: 1.5–2.2 s on a shared 2-core machine.
  it('example 2: the block encrypted 1,000,000 times', { timeout: 60_000 }, () => {
    const cipher = ecb(key); // ECB without padding: each update is one independent block
    let block = key;
    for (let i = 0; i < 1_000_000; i++) block = cipher.update(block);
    expect(block.toString('hex')).toBe('595298c7c6fd271f0402f804c33d3f66');
  });
});

describe('HMAC-SM3', () => {
  const keys = [Buffer.from('key'), Buffer.alloc(64, 0xaa), Buffer.alloc(131, 0x0b), Buffer.alloc(0)];
  const data = [Buffer.from('abc'), Buffer.from('abcd'.repeat(40)), Buffer.alloc(0)];

  it('equals RFC 2104 rebuilt from createHash("sm3") for short, block-sized, long and empty keys', () => {
    for (const k of keys)
      for (const d of data)
        expect(gm.mac(k, d).toString('hex'), `${k.length}/${d.length}`).toBe(
          hmacSm3ByHand(k, d).toString('hex'),
        );
  });

  it("the module's own RFC 2104 fallback agrees, also fed in parts", () => {
    for (const k of keys) {
      const whole = hmacSm3ByHand(k, Buffer.from('hello, hall'));
      expect(rfc2104Mac('sm3', k).update('hello, ').update('hall').digest()).toEqual(whole);
      expect(gm.createMac(k).update('hello, ').update('hall').digest()).toEqual(whole);
    }
  });
});

describe('the standard suite', () => {
  it('SHA-256 of "abc" (FIPS 180-2) and HMAC-SHA256 of RFC 4231 case 2', () => {
    expect(standard.hashHex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(standard.macHex('Jefe', 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });
});

describe('HKDF', () => {
  it('over HMAC-SHA256 gives RFC 5869 test case 1', () => {
    const okm = hkdf(
      'sha256',
      Buffer.alloc(22, 0x0b),
      hex('000102030405060708090a0b0c'),
      hex('f0f1f2f3f4f5f6f7f8f9'),
      42,
    );
    expect(okm.toString('hex')).toBe(
      '3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865',
    );
  });

  it("over HMAC-SM3 agrees with OpenSSL's HKDF where Node offers it", () => {
    const args = [
      Buffer.alloc(22, 0x0b),
      hex('000102030405060708090a0b0c'),
      hex('f0f1f2f3f4f5f6f7f8f9'),
    ] as const;
    let native: Buffer;
    try {
      native = Buffer.from(hkdfSync('sm3', ...args, 80));
    } catch {
      return; // an OpenSSL without SM3 in HKDF: RFC 5869 test case 1 above checks the construction
    }
    expect(hkdf('sm3', ...args, 80)).toEqual(native);
  });

  it('derives different keys per purpose and per suite', () => {
    const kek = Buffer.alloc(32, 7);
    const a = gm.deriveKey(kek, 'secrets/audit.key');
    expect(a).toHaveLength(32);
    expect(a).not.toEqual(gm.deriveKey(kek, 'secrets/identifier.key'));
    expect(a).not.toEqual(standard.deriveKey(kek, 'secrets/audit.key'));
    expect(gm.deriveKey(kek, 'backup', 16)).toHaveLength(16);
  });
});
