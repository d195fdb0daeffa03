import { Readable } from 'node:stream';
import { constants, inflateRawSync } from 'node:zlib';

/** One file inside a ZIP, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
  /** Where this entry's bytes end (next local header or the central directory). */
  end: number;
}

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;

function findEocd(buf: Buffer): number {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === EOCD_SIG) return i;
  }
  return -1;
}

/**
 * Reads the central directory. Returns null when it is missing, truncated or ZIP64 (sizes past
 * 4 GB cannot be an upload we accept anyway); the caller then falls back to a plain scan.
 */
export function readZipEntries(buf: Buffer): ZipEntry[] | null {
  const eocd = findEocd(buf);
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || cdOffset >= buf.length) return null;
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CEN_SIG) return null;
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    if (localOffset >= cdOffset) return null;
    entries.push({
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      uncompressedSize: buf.readUInt32LE(p + 24),
      localOffset,
      end: cdOffset,
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  byOffset.forEach((e, i) => {
    e.end = byOffset[i + 1]?.localOffset ?? cdOffset;
  });
  return entries;
}

/**
 * Inflates an entry, or only what its first `maxIn` compressed bytes give: a truncated deflate
 * stream is fine with Z_SYNC_FLUSH, which is how a sheet's `<dimension>` is read without inflating
 * the whole sheet.
 */
export function inflateEntry(buf: Buffer, entry: ZipEntry, maxIn = Number.POSITIVE_INFINITY): Buffer | null {
  const p = entry.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOC_SIG) return null;
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const wanted = Math.min(entry.compressedSize, maxIn);
  const data = buf.subarray(start, Math.min(start + wanted, buf.length));
  if (entry.method === 0) return data;
  if (entry.method !== 8) return null;
  try {
    return inflateRawSync(data, { finishFlush: constants.Z_SYNC_FLUSH });
  } catch {
    return null;
  }
}

/**
 * A stream of the given entries' local records in the given order, without the central
 * directory: what a sequential unzipper reads. Slices of `buf`, nothing copied.
 */
export function zipRecordStream(buf: Buffer, entries: ZipEntry[]): Readable {
  const chunks = entries.map((e) => buf.subarray(e.localOffset, e.end));
  return Readable.from(chunks, { objectMode: false });
}
