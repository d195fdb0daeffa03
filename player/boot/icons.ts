import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

const RED: [number, number, number] = [0x8d, 0x11, 0x16];
const DARK: [number, number, number] = [0x4f, 0x06, 0x0a];
const GOLD: [number, number, number] = [0xff, 0xd9, 0x8a];

/** The colour of one pixel of the icon: a gold ring and disc on the poster's red, safe for masking. */
function pixel(x: number, y: number, size: number): [number, number, number] {
  const r = Math.hypot(x + 0.5 - size / 2, y + 0.5 - size / 2) / size;
  if (r < 0.12) return GOLD;
  if (r > 0.26 && r < 0.33) return GOLD;
  return r < 0.45 ? RED : DARK;
}

/** The player's home-screen icon as a PNG of `size` pixels (no image library needed for a ring). */
export function iconPng(size: number): Buffer {
  const raw = Buffer.alloc((size * 3 + 1) * size);
  for (let y = 0; y < size; y++) {
    const row = y * (size * 3 + 1);
    for (let x = 0; x < size; x++) raw.set(pixel(x, y, size), row + 1 + x * 3);
  }
  const head = Buffer.alloc(13);
  head.writeUInt32BE(size, 0);
  head.writeUInt32BE(size, 4);
  head.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', head),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
