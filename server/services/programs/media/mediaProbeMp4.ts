// MP4 (ISO BMFF): codecs from each track's sample description, duration from mvhd. The moov box
// may come after the media data (cameras write it last), so top-level boxes are walked on disk.
import { ACCEPTED, type ByteReader, corrupt, type Probed, unsupported } from './mediaFile.js';

const IMAGE_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'mif1', 'msf1', 'avif', 'avis']);
const MAX_MOOV = 64 * 1024 * 1024;

interface Box {
  type: string;
  start: number;
  end: number;
}

function children(buf: Buffer, start: number, end: number): Box[] {
  const out: Box[] = [];
  let p = start;
  while (p + 8 <= end) {
    let size = buf.readUInt32BE(p);
    let header = 8;
    if (size === 1 && p + 16 <= end) {
      size = Number(buf.readBigUInt64BE(p + 8));
      header = 16;
    } else if (size === 0) size = end - p;
    if (size < header || p + size > end) break;
    out.push({ type: buf.toString('latin1', p + 4, p + 8), start: p + header, end: p + size });
    p += size;
  }
  return out;
}

/** The top-level 'moov' box, wherever it is (before or after the media data). */
function readMoov(r: ByteReader): Buffer | null {
  let pos = 0;
  for (let guard = 0; guard < 100_000 && pos + 8 <= r.size; guard++) {
    const h = r.read(pos, 16);
    let size = h.readUInt32BE(0);
    let header = 8;
    if (size === 1 && h.length >= 16) {
      size = Number(h.readBigUInt64BE(8));
      header = 16;
    } else if (size === 0) size = r.size - pos;
    if (size < header) return null;
    if (h.toString('latin1', 4, 8) === 'moov') {
      if (size > MAX_MOOV) throw unsupported('视频的索引（moov）过大，请重新编码后上传');
      // Cut short (an upload stopped early): its tracks would be missing, not absent.
      if (pos + size > r.size) throw corrupt('MP4 视频（索引不完整）');
      return r.read(pos + header, size - header);
    }
    pos += size;
  }
  return null;
}

interface Track {
  handler: string;
  codec: string;
  width: number;
  height: number;
}

function track(buf: Buffer, trak: Box): Track | null {
  const find = (box: Box, type: string) => children(buf, box.start, box.end).find((b) => b.type === type);
  const mdia = find(trak, 'mdia');
  const hdlr = mdia && find(mdia, 'hdlr');
  const stbl = mdia && find(mdia, 'minf') && find(find(mdia, 'minf') as Box, 'stbl');
  const stsd = stbl && find(stbl, 'stsd');
  if (!hdlr || !stsd || stsd.start + 24 > stsd.end) return null;
  const e = stsd.start + 8;
  const codec = buf.toString('latin1', e + 4, e + 8);
  const visual = e + 36 <= stsd.end;
  return {
    handler: buf.toString('latin1', hdlr.start + 8, hdlr.start + 12),
    codec,
    width: visual ? buf.readUInt16BE(e + 32) : 0,
    height: visual ? buf.readUInt16BE(e + 34) : 0,
  };
}

const CODEC_NAMES: Record<string, string> = {
  hvc1: 'HEVC (H.265)',
  hev1: 'HEVC (H.265)',
  av01: 'AV1',
  vp09: 'VP9',
  mp4v: 'MPEG-4 Part 2',
  encv: '加密视频',
  'ac-3': 'AC-3',
  'ec-3': 'E-AC-3',
  Opus: 'Opus',
  alac: 'ALAC',
  enca: '加密音频',
};
const codecName = (c: string) => CODEC_NAMES[c] ?? c.trim();

/** MP4: the video track must be H.264 (avc1/avc3) and any audio AAC (mp4a). */
export function probeMp4(r: ByteReader, brand: string): Probed {
  if (IMAGE_BRANDS.has(brand))
    throw unsupported(`不支持 HEIC/AVIF 图片：请导出为 JPEG 或 PNG 后上传。${ACCEPTED}`);
  const moov = readMoov(r);
  if (!moov) throw corrupt('MP4 视频（缺少 moov）');
  const boxes = children(moov, 0, moov.length);
  const mvhd = boxes.find((b) => b.type === 'mvhd');
  const tracks = boxes.filter((b) => b.type === 'trak').flatMap((b) => track(moov, b) ?? []);
  const video = tracks.find((t) => t.handler === 'vide');
  if (!video) throw unsupported('这个 MP4 没有视频轨道（可能是音频文件），屏幕只能播放带画面的视频');
  if (video.codec !== 'avc1' && video.codec !== 'avc3')
    throw unsupported(
      `视频编码为 ${codecName(video.codec)}，屏幕只支持 H.264：请用 H.264 (AVC) 重新编码后上传，或转换为 WebM`,
    );
  const audio = tracks.find((t) => t.handler === 'soun' && t.codec !== 'mp4a');
  if (audio) throw unsupported(`音频编码为 ${codecName(audio.codec)}，MP4 只支持 AAC 音频：请重新编码后上传`);
  let durationMs: number | null = null;
  if (mvhd) {
    const v1 = moov[mvhd.start] === 1;
    const scale = moov.readUInt32BE(mvhd.start + (v1 ? 20 : 12));
    const duration = v1 ? Number(moov.readBigUInt64BE(mvhd.start + 24)) : moov.readUInt32BE(mvhd.start + 16);
    if (scale > 0) durationMs = Math.round((duration * 1000) / scale);
  }
  return {
    type: 'video',
    mime: 'video/mp4',
    width: video.width || null,
    height: video.height || null,
    durationMs,
  };
}
