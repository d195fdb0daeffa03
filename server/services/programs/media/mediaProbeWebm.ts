// WebM (EBML): the doc type, codecs, pixel size and duration, best effort from the first megabyte
// (Info and Tracks come before the clusters in files from ordinary encoders).
import { type ByteReader, corrupt, type Probed, unsupported } from './mediaFile.js';

const ID = {
  ebml: 0x1a45dfa3,
  docType: 0x4282,
  segment: 0x18538067,
  info: 0x1549a966,
  timecodeScale: 0x2ad7b1,
  duration: 0x4489,
  tracks: 0x1654ae6b,
  trackEntry: 0xae,
  trackType: 0x83,
  codecId: 0x86,
  video: 0xe0,
  pixelWidth: 0xb0,
  pixelHeight: 0xba,
  cluster: 0x1f43b675,
};
const VIDEO_CODECS = new Set(['V_VP8', 'V_VP9', 'V_AV1']);
const AUDIO_CODECS = new Set(['A_OPUS', 'A_VORBIS']);

interface Element {
  id: number;
  start: number;
  /** -1 when the size is unknown (live recordings). */
  end: number;
}

/** Reads one element header at `p`; null when the bytes are not a valid header. */
function element(buf: Buffer, p: number): Element | null {
  const first = buf[p];
  if (first === undefined || first === 0) return null;
  const idLen = Math.clz32(first) - 23;
  if (idLen > 4 || p + idLen > buf.length) return null;
  const id = buf.readUIntBE(p, idLen);
  const s = buf[p + idLen];
  if (s === undefined || s === 0) return null;
  const sizeLen = Math.clz32(s) - 23;
  if (p + idLen + sizeLen > buf.length) return null;
  let size = s & (0xff >> sizeLen);
  let allOnes = size === 0xff >> sizeLen;
  for (let i = 1; i < sizeLen; i++) {
    const b = buf[p + idLen + i] as number;
    size = size * 256 + b;
    allOnes &&= b === 0xff;
  }
  const start = p + idLen + sizeLen;
  return { id, start, end: allOnes ? -1 : start + size };
}

function* elements(buf: Buffer, start: number, end: number): Generator<Element> {
  let p = start;
  const limit = Math.min(end, buf.length);
  while (p < limit) {
    const e = element(buf, p);
    if (!e) return;
    yield e;
    if (e.end < 0) return;
    p = e.end;
  }
}

const bounded = (e: Element, buf: Buffer) => (e.end < 0 ? buf.length : Math.min(e.end, buf.length));
const uint = (buf: Buffer, e: Element) => buf.readUIntBE(e.start, Math.min(6, bounded(e, buf) - e.start));
const str = (buf: Buffer, e: Element) => buf.toString('latin1', e.start, bounded(e, buf)).replace(/\0+$/, '');

/** WebM with VP8/VP9/AV1 video and Opus/Vorbis audio; Matroska (.mkv) is refused. */
export function probeWebm(r: ByteReader): Probed {
  const buf = r.read(0, Math.min(r.size, 1024 * 1024));
  const header = element(buf, 0);
  if (!header || header.end < 0) throw corrupt('WebM 视频');
  let docType = '';
  for (const e of elements(buf, header.start, header.end)) if (e.id === ID.docType) docType = str(buf, e);
  if (docType !== 'webm')
    throw unsupported(`不支持 ${docType || '未知'} 容器（如 MKV）：请转换为 MP4（H.264/AAC）或 WebM 后上传`);
  const out: Probed = { type: 'video', mime: 'video/webm', width: null, height: null, durationMs: null };
  const segment = [...elements(buf, header.end, buf.length)].find((e) => e.id === ID.segment);
  if (!segment) return out;
  let scale = 1_000_000;
  let duration: number | null = null;
  for (const e of elements(buf, segment.start, bounded(segment, buf))) {
    if (e.id === ID.cluster) break;
    if (e.id === ID.info) {
      for (const c of elements(buf, e.start, bounded(e, buf))) {
        if (c.id === ID.timecodeScale) scale = uint(buf, c);
        if (c.id === ID.duration && c.end - c.start === 4) duration = buf.readFloatBE(c.start);
        if (c.id === ID.duration && c.end - c.start === 8) duration = buf.readDoubleBE(c.start);
      }
    }
    if (e.id === ID.tracks) tracks(buf, e, out);
  }
  if (duration !== null && Number.isFinite(duration)) out.durationMs = Math.round((duration * scale) / 1e6);
  return out;
}

function tracks(buf: Buffer, tracksEl: Element, out: Probed): void {
  for (const entry of elements(buf, tracksEl.start, bounded(tracksEl, buf))) {
    if (entry.id !== ID.trackEntry) continue;
    let codec = '';
    for (const c of elements(buf, entry.start, bounded(entry, buf))) {
      if (c.id === ID.codecId) codec = str(buf, c);
      if (c.id !== ID.video) continue;
      for (const v of elements(buf, c.start, bounded(c, buf))) {
        if (v.id === ID.pixelWidth) out.width = uint(buf, v);
        if (v.id === ID.pixelHeight) out.height = uint(buf, v);
      }
    }
    if (codec.startsWith('V_') && !VIDEO_CODECS.has(codec))
      throw unsupported(`WebM 的视频编码为 ${codec}，屏幕只支持 VP8、VP9 或 AV1：请重新编码后上传`);
    if (codec.startsWith('A_') && !AUDIO_CODECS.has(codec))
      throw unsupported(`WebM 的音频编码为 ${codec}，只支持 Opus 或 Vorbis：请重新编码后上传`);
  }
}
