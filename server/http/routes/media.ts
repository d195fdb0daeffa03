import { safeFileName } from '../../../core/text.js';
import { AppError } from '../../errors.js';
import type { MediaService } from '../../services/programs/media/mediaService.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** The upload's name, cleaned like an import's (safeFileName); '' falls back to the hash. */
function fileName(header: string): string {
  try {
    return safeFileName(decodeURIComponent(header)) ?? '';
  } catch {
    return '';
  }
}

/** The media library; uploads are the raw file as the request body (name in x-file-name or ?name=). */
export function mediaRoutes(r: RouteBuilder, media: MediaService): void {
  r.add('get', '/api/media', 'view', undefined, () => media.list());
  r.add('get', '/api/media/:hash', 'view', undefined, (ctx) => media.get(ctx.params.hash!));
  r.add('post', '/api/media', 'manage-programs', undefined, async (ctx, { session }) => {
    if (ctx.state.body !== undefined || ctx.is('multipart/form-data'))
      throw new AppError(400, 'raw_body_expected', '请直接上传文件内容（请求体即文件，不要用 JSON 或表单）');
    const length = ctx.get('content-length');
    const out = await media.upload(
      ctx.req,
      fileName(ctx.get('x-file-name') || (typeof ctx.query.name === 'string' ? ctx.query.name : '')),
      length ? Number(length) : null,
      session.user.id,
    );
    ctx.status = out.duplicate ? 200 : 201;
    return out;
  });
  r.add('delete', '/api/media/:hash', 'manage-programs', undefined, (ctx, { session }) => {
    media.remove(ctx.params.hash!, session.user.id);
  });
}
