import { media as api } from '../../../core/protocol/routes/programs.js';
import { safeFileName } from '../../../core/text.js';
import { badRequest } from '../../errors.js';
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
  r.on(api.list, () => media.list());
  r.on(api.get, (_ctx, { params }) => media.get(params.hash));
  r.on(api.upload, async (ctx, { query, session }) => {
    if (ctx.state.body !== undefined || ctx.is('multipart/form-data'))
      throw badRequest('raw_body_expected', '请直接上传文件内容（请求体即文件，不要用 JSON 或表单）');
    const length = ctx.get('content-length');
    const out = await media.upload(
      ctx.req,
      fileName(ctx.get('x-file-name') || (query.name ?? '')),
      length ? Number(length) : null,
      session.user.id,
    );
    ctx.status = out.duplicate ? 200 : 201;
    return out;
  });
  r.on(api.remove, (_ctx, { params, session }) => media.remove(params.hash, session.user.id));
}
