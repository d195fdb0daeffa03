// Small synthetic media files with real headers: enough for the server's probes, no codecs needed.
import type { Client } from './harness.js';

const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};
const u16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
};

export function png(width: number, height: number): Buffer {
  const ihdr = Buffer.concat([u32(width), u32(height), Buffer.from([8, 6, 0, 0, 0])]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    u32(13),
    Buffer.from('IHDR'),
    ihdr,
    u32(0),
    u32(0),
    Buffer.from('IEND'),
    u32(0),
    Buffer.from(crypto.getRandomValues(new Uint8Array(16))),
  ]);
}

export function jpeg(width: number, height: number): Buffer {
  const app0 = Buffer.concat([Buffer.from([0xff, 0xe0]), u16(16), Buffer.from('JFIF\0'), Buffer.alloc(9)]);
  const exif = Buffer.concat([Buffer.from([0xff, 0xe1]), u16(2 + 5000), Buffer.alloc(5000)]);
  const sof = Buffer.concat([Buffer.from([0xff, 0xc0]), u16(17), Buffer.from([8]), u16(height), u16(width)]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    app0,
    exif,
    sof,
    Buffer.alloc(12),
    Buffer.from([0xff, 0xd9]),
  ]);
}

export function webp(width: number, height: number): Buffer {
  const dims = Buffer.alloc(6);
  dims.writeUIntLE(width - 1, 0, 3);
  dims.writeUIntLE(height - 1, 3, 3);
  const vp8x = Buffer.concat([Buffer.from('VP8X'), Buffer.from([10, 0, 0, 0]), Buffer.alloc(4), dims]);
  const body = Buffer.concat([Buffer.from('WEBP'), vp8x]);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(body.length);
  return Buffer.concat([Buffer.from('RIFF'), size, body]);
}

const box = (type: string, ...parts: Buffer[]) => {
  const payload = Buffer.concat(parts);
  return Buffer.concat([u32(payload.length + 8), Buffer.from(type, 'latin1'), payload]);
};

function trak(handler: string, codec: string, width = 0, height = 0): Buffer {
  const hdlr = box('hdlr', Buffer.alloc(8), Buffer.from(handler), Buffer.alloc(13));
  const entry = box(
    codec,
    Buffer.alloc(6),
    u16(1),
    Buffer.alloc(16),
    u16(width),
    u16(height),
    Buffer.alloc(50),
  );
  const stsd = box('stsd', Buffer.alloc(4), u32(1), entry);
  return box('trak', box('mdia', hdlr, box('minf', box('stbl', stsd))));
}

/** An MP4 with its moov after the media data, as cameras write it. */
export function mp4(opts: { video?: string; audio?: string; durationMs?: number } = {}): Buffer {
  const mvhd = box('mvhd', Buffer.alloc(12), u32(1000), u32(opts.durationMs ?? 12_000), Buffer.alloc(80));
  const traks = [
    ...(opts.video === '' ? [] : [trak('vide', opts.video ?? 'avc1', 1920, 1080)]),
    ...(opts.audio ? [trak('soun', opts.audio)] : []),
  ];
  return Buffer.concat([
    box('ftyp', Buffer.from('isom'), u32(512), Buffer.from('isomavc1')),
    box('mdat', Buffer.from(crypto.getRandomValues(new Uint8Array(2048)))),
    box('moov', mvhd, ...traks),
  ]);
}

const ebml = (id: number, ...parts: Buffer[]) => {
  const payload = Buffer.concat(parts);
  const idBytes = Buffer.from(
    id.toString(16).padStart(id > 0xffffff ? 8 : id > 0xffff ? 6 : id > 0xff ? 4 : 2, '0'),
    'hex',
  );
  const size = Buffer.alloc(8);
  size.writeBigUInt64BE(BigInt(payload.length));
  size[0] = 0x01;
  return Buffer.concat([idBytes, size, payload]);
};

export function webm(opts: { docType?: string; codec?: string; durationMs?: number } = {}): Buffer {
  const duration = Buffer.alloc(8);
  duration.writeDoubleBE(opts.durationMs ?? 8000);
  const header = ebml(0x1a45dfa3, ebml(0x4282, Buffer.from(opts.docType ?? 'webm')));
  const info = ebml(0x1549a966, ebml(0x2ad7b1, Buffer.from([0x0f, 0x42, 0x40])), ebml(0x4489, duration));
  const video = ebml(0xe0, ebml(0xb0, u16(1280)), ebml(0xba, u16(720)));
  const track = ebml(
    0xae,
    ebml(0x83, Buffer.from([1])),
    ebml(0x86, Buffer.from(opts.codec ?? 'V_VP9')),
    video,
  );
  const segment = ebml(0x18538067, info, ebml(0x1654ae6b, track), ebml(0x1f43b675, Buffer.alloc(256)));
  return Buffer.concat([header, segment]);
}

export const SVG = Buffer.from(
  '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>',
);

/** Uploads raw bytes as the admin does (XHR with the file as the body). */
export async function upload(c: Client, body: Buffer, name: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${c.base}/api/media`, {
    method: 'POST',
    headers: {
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(name),
      cookie: c.cookie,
      'x-csrf-token': c.csrf,
      ...headers,
    },
    body: new Uint8Array(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}
