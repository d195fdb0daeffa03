/** Byte-level mutations of import files; every choice from the caller's seeded generator. */
export interface Rng {
  next(): number;
  int(n: number): number;
}

type Mutation = (buf: Buffer, rng: Rng, other: Buffer) => Buffer;

const EOCD = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const CEN = Buffer.from([0x50, 0x4b, 0x01, 0x02]);

function copy(buf: Buffer): Buffer {
  return Buffer.from(buf);
}

/** A central directory record's fixed header, the bytes a mutation may write into. */
const CEN_HEADER = 46;

/**
 * Offsets of whole central directory records (none when the file is no ZIP). A signature
 * too near the end, as a truncation or splice leaves it, is no record to write into.
 */
function centralRecords(buf: Buffer): number[] {
  const out: number[] = [];
  for (let at = buf.indexOf(CEN); at >= 0; at = buf.indexOf(CEN, at + 4)) {
    if (at + CEN_HEADER <= buf.length) out.push(at);
  }
  return out;
}

function pick<T>(rng: Rng, list: T[]): T | undefined {
  return list[rng.int(list.length)];
}

const flip: Mutation = (buf, rng) => {
  const out = copy(buf);
  const n = 1 + rng.int(16);
  for (let i = 0; i < n && out.length > 0; i++) {
    const at = rng.int(out.length);
    out[at] = (out[at] ?? 0) ^ (1 << rng.int(8));
  }
  return out;
};

const truncate: Mutation = (buf, rng) => buf.subarray(0, rng.int(buf.length));

const splice: Mutation = (buf, rng, other) => {
  const at = rng.int(buf.length);
  const from = rng.int(other.length);
  const len = rng.int(Math.min(4096, other.length - from) + 1);
  return Buffer.concat([buf.subarray(0, at), other.subarray(from, from + len), buf.subarray(at)]);
};

const duplicate: Mutation = (buf, rng) => {
  const from = rng.int(buf.length);
  const len = rng.int(Math.min(8192, buf.length - from) + 1);
  const at = rng.int(buf.length);
  const times = 1 + rng.int(4);
  const range = buf.subarray(from, from + len);
  return Buffer.concat([buf.subarray(0, at), ...Array(times).fill(range), buf.subarray(at)]);
};

const corruptDirectory: Mutation = (buf, rng) => {
  const out = copy(buf);
  const start = centralRecords(out)[0] ?? Math.max(0, out.length - 256);
  for (let i = 0; i < 1 + rng.int(12); i++) out[start + rng.int(out.length - start)] = rng.int(256);
  return out;
};

const SIZES = [0, 1, 4096, 0x7fffffff, 0xffffffff];
const declaredSize: Mutation = (buf, rng) => {
  const out = copy(buf);
  const rec = pick(rng, centralRecords(out));
  if (rec === undefined) return flip(buf, rng, buf);
  const size = rng.next() < 0.5 ? (pick(rng, SIZES) ?? 0) : rng.int(0x100000);
  out.writeUInt32LE(size >>> 0, rec + 24);
  if (rng.next() < 0.5) out.writeUInt32LE(rng.int(0x100000), rec + 20);
  return out;
};

const METHODS = [0, 8, 9, 12, 14, 99, 0xffff];
const method: Mutation = (buf, rng) => {
  const out = copy(buf);
  const rec = pick(rng, centralRecords(out));
  if (rec === undefined) return flip(buf, rng, buf);
  out.writeUInt16LE(pick(rng, METHODS) ?? 99, rec + 10);
  return out;
};

const entryCount: Mutation = (buf, rng) => {
  const out = copy(buf);
  const at = out.lastIndexOf(EOCD);
  if (at < 0 || at + 22 > out.length) return flip(buf, rng, buf);
  const n = pick(rng, [0, 1, 0xfffe, 0xffff, rng.int(0x10000)]) ?? 0;
  out.writeUInt16LE(n, at + 10);
  if (rng.next() < 0.5) out.writeUInt32LE(rng.int(out.length + 100), at + 16);
  return out;
};

/** Text-level damage for CSV: stray quotes, NULs, broken UTF-8, a long line. */
const csvDamage: Mutation = (buf, rng) => {
  const junk = [
    Buffer.from('"'),
    Buffer.from([0]),
    Buffer.from([0xff, 0xfe]),
    Buffer.from([0xe4, 0xb8]),
    Buffer.from(',,,,,,,,\r\r\n'),
    Buffer.alloc(50_000 + rng.int(400_000), '"'),
  ];
  const at = rng.int(buf.length);
  return Buffer.concat([buf.subarray(0, at), pick(rng, junk) ?? Buffer.alloc(0), buf.subarray(at)]);
};

export const MUTATIONS: Record<string, Mutation> = {
  flip,
  truncate,
  splice,
  duplicate,
  corruptDirectory,
  declaredSize,
  method,
  entryCount,
  csvDamage,
};

/** One to three mutations in a row; returns the file and what was done to it. */
export function mutate(buf: Buffer, other: Buffer, rng: Rng): { file: Buffer; steps: string[] } {
  const names = Object.keys(MUTATIONS);
  let file = buf;
  const steps: string[] = [];
  for (let i = 0; i < 1 + rng.int(3); i++) {
    const name = names[rng.int(names.length)] ?? 'flip';
    steps.push(name);
    file = MUTATIONS[name]!(file, rng, other);
  }
  return { file, steps };
}
