// What the media probes share: random access to the upload, the result, and their errors.
import { badRequest, unsupportedType } from '../../../errors.js';

export interface Probed {
  type: 'image' | 'video';
  mime: string;
  width: number | null;
  height: number | null;
  durationMs: number | null;
}

/** Random access to the uploaded file. */
export interface ByteReader {
  size: number;
  read(offset: number, length: number): Buffer;
}

export const unsupported = (message: string) => unsupportedType('unsupported_media', message);
export const corrupt = (what: string) =>
  badRequest('media_corrupt', `无法读取${what}的文件头，文件可能已损坏或不完整，请重新导出后上传`);

export const ACCEPTED = '支持 PNG、JPEG、WebP 图片和 MP4（H.264/AAC）、WebM 视频';
