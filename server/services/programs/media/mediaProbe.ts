// What an uploaded file is, decided by its bytes (never its name), with its size in pixels and,
// for video, its duration and codecs. No native dependencies: headers are parsed here.
//
// The MP4/WebM probes are kept rather than a maintained parser (issue 20). mediabunny 1.61
// (MPL-2.0, pure JS, both containers) gives the same four fields (mediaProbe.test.ts checks ours
// against it) but builds every sample table: on a 1,000,000-frame file it took 146 ms and +36 MB
// RSS for MP4 and 71 ms, +8 MB for WebM, where ours took 3 ms, +4 MB and 2 ms, +1 MB (one run,
// loaded 2-core machine), and it sets no bound on what it reads, where ours refuses a moov over
// 64 MB and reads at most 1 MB of a WebM. music-metadata is built for audio tags.
import { ACCEPTED, type ByteReader, corrupt, type Probed, unsupported } from './mediaFile.js';
import { probeMp4 } from './mediaProbeMp4.js';
import { probeWebm } from './mediaProbeWebm.js';

/** Reads the file's type from its first bytes and parses what the screens need to know. */
export function probeMedia(r: ByteReader): Probed {
  const head = r.read(0, Math.min(r.size, 4096));
  const ascii = (from: number, to: number) => head.toString('latin1', from, to);
  if (head.length >= 8 && head.readUInt32BE(0) === 0x89504e47 && head.readUInt32BE(4) === 0x0d0a1a0a)
    return png(head);
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return jpeg(r);
  if (head.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return webp(head);
  if (head.length >= 12 && ascii(4, 8) === 'ftyp') return probeMp4(r, ascii(8, 12));
  if (head.length >= 4 && head.readUInt32BE(0) === 0x1a45dfa3) return probeWebm(r);
  if (ascii(0, 4) === 'GIF8') throw unsupported(`不支持 GIF 动图：请转换为 MP4 视频或 PNG 图片。${ACCEPTED}`);
  const text = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (text.startsWith('<') && /<svg[\s>]/.test(text))
    throw unsupported(`不支持 SVG：矢量图可以包含脚本，不能作为屏幕内容；请导出为 PNG 后上传。${ACCEPTED}`);
  throw unsupported(`无法识别的文件类型（按文件内容判断，与扩展名无关）。${ACCEPTED}`);
}

function png(h: Buffer): Probed {
  if (h.length < 24 || h.toString('latin1', 12, 16) !== 'IHDR') throw corrupt('PNG 图片');
  return image('image/png', h.readUInt32BE(16), h.readUInt32BE(20));
}

function image(mime: string, width: number, height: number): Probed {
  if (width <= 0 || height <= 0) throw corrupt('图片');
  return { type: 'image', mime, width, height, durationMs: null };
}

const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** Walks the JPEG segments to the first frame header (EXIF thumbnails can push it past 64 KB). */
function jpeg(r: ByteReader): Probed {
  let pos = 2;
  for (let guard = 0; guard < 10_000 && pos + 4 <= r.size; guard++) {
    const seg = r.read(pos, 9);
    if (seg[0] !== 0xff) throw corrupt('JPEG 图片');
    const marker = seg[1] as number;
    if (marker === 0xff) {
      pos += 1;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      pos += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda || seg.length < 4) break;
    if (SOF.has(marker)) {
      if (seg.length < 9) break;
      return image('image/jpeg', seg.readUInt16BE(7), seg.readUInt16BE(5));
    }
    pos += 2 + seg.readUInt16BE(2);
  }
  throw corrupt('JPEG 图片');
}

function webp(h: Buffer): Probed {
  const chunk = h.toString('latin1', 12, 16);
  if (chunk === 'VP8X' && h.length >= 30)
    return image('image/webp', 1 + h.readUIntLE(24, 3), 1 + h.readUIntLE(27, 3));
  if (chunk === 'VP8 ' && h.length >= 30 && h[23] === 0x9d && h[24] === 0x01 && h[25] === 0x2a)
    return image('image/webp', h.readUInt16LE(26) & 0x3fff, h.readUInt16LE(28) & 0x3fff);
  if (chunk === 'VP8L' && h.length >= 25 && h[20] === 0x2f) {
    const bits = h.readUInt32LE(21);
    return image('image/webp', (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  throw corrupt('WebP 图片');
}
