// Re-encodes an 8-bit RGB(A) PNG as Chromium wrote it: each channel rounded to a multiple of `step`
// (2 drops the gradient dithering, invisible on screen), the best filter per row, zlib level 9.
// Usage: node pngopt.mjs in.png out.png [step]
import { readFileSync, writeFileSync } from 'node:fs';
import zlib from 'node:zlib';

const [, , input, output, stepArg] = process.argv;
const step = Number(stepArg ?? 1);

function readPng(buf) {
  let pos = 8;
  let header;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('ascii', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') header = Buffer.from(data);
    else if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  return { header, data: zlib.inflateSync(Buffer.concat(idat)) };
}

function paeth(a, b, c) {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

function predict(filter, a, b, c) {
  if (filter === 1) return a;
  if (filter === 2) return b;
  if (filter === 3) return (a + b) >> 1;
  if (filter === 4) return paeth(a, b, c);
  return 0;
}

function unfilter(raw, height, stride, bpp) {
  const px = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = px.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? px.subarray((y - 1) * stride, y * stride) : Buffer.alloc(stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? row[i - bpp] : 0;
      const c = i >= bpp ? prev[i - bpp] : 0;
      row[i] = (src[i] + predict(filter, a, prev[i], c)) & 255;
    }
  }
  return px;
}

function refilter(px, height, stride, bpp) {
  const out = Buffer.alloc(height * (stride + 1));
  const candidate = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const row = px.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? px.subarray((y - 1) * stride, y * stride) : Buffer.alloc(stride);
    let best = { sum: Number.POSITIVE_INFINITY, filter: 0, bytes: Buffer.alloc(0) };
    for (let filter = 0; filter < 5; filter++) {
      let sum = 0;
      for (let i = 0; i < stride; i++) {
        const a = i >= bpp ? row[i - bpp] : 0;
        const c = i >= bpp ? prev[i - bpp] : 0;
        const v = (row[i] - predict(filter, a, prev[i], c)) & 255;
        candidate[i] = v;
        sum += v < 128 ? v : 256 - v;
      }
      if (sum < best.sum) best = { sum, filter, bytes: Buffer.from(candidate) };
    }
    out[y * (stride + 1)] = best.filter;
    best.bytes.copy(out, y * (stride + 1) + 1);
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  let crc = 0xffffffff;
  for (const byte of body) crc = CRC_TABLE[(crc ^ byte) & 255] ^ (crc >>> 8);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE((crc ^ 0xffffffff) >>> 0);
  return Buffer.concat([len, body, sum]);
}

const file = readFileSync(input);
const { header, data } = readPng(file);
const width = header.readUInt32BE(0);
const height = header.readUInt32BE(4);
if (header[8] !== 8 || (header[9] !== 2 && header[9] !== 6)) throw new Error('only 8-bit RGB or RGBA');
const bpp = header[9] === 2 ? 3 : 4;
const px = unfilter(data, height, width * bpp, bpp);
if (step > 1) for (let i = 0; i < px.length; i++) px[i] = Math.min(255, Math.round(px[i] / step) * step);
const idat = zlib.deflateSync(refilter(px, height, width * bpp, bpp), { level: 9, memLevel: 9 });
const png = Buffer.concat([
  file.subarray(0, 8),
  chunk('IHDR', header),
  chunk('IDAT', idat),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(output, png);
console.log(`${output}: ${png.length} bytes`);
