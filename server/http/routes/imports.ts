import type { Context } from 'koa';
import { z } from 'zod';
import { ImportConfirm } from '../../../core/protocol/credit.js';
import { UploadId } from '../../../core/protocol/events.js';
import { excessCombiningMessage, safeFileName } from '../../../core/text.js';
import { AppError } from '../../errors.js';
import { buildTemplate, TEMPLATE_FILE_NAME } from '../../services/credit/import/index.js';
import type { PlatformService } from '../../services/credit/platformService.js';
import type { Services } from '../../services/index.js';
import type { RouteBuilder } from '../routeBuilder.js';
import { id, Page, q } from './query.js';

/** Reads a raw upload within a limit: 413 as soon as it is over. */
export async function readRaw(ctx: Context, maxBytes: number): Promise<Buffer> {
  const mb = Math.round(maxBytes / 1024 / 1024);
  const tooLarge = () => new AppError(413, 'file_too_large', `文件超过 ${mb} MB 上限，请拆分后分批导入`);
  if (Number(ctx.get('content-length') || 0) > maxBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

const MAX_FILE_NAME = 200;

/**
 * The upload's name from the percent-encoded x-file-name header, as stored on the batch and
 * shown in lists: a bad encoding is a 400 (read before the body, so nothing is staged), only the
 * last path part is kept, the text normalised (core/text.ts), identifiers masked and the length
 * bounded. A missing or empty name is 'upload'.
 */
export function uploadFileName(header: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(header);
  } catch {
    throw new AppError(
      400,
      'file_name_invalid',
      '文件名编码有误（x-file-name 须为 UTF-8 百分号编码）：请刷新页面后重新选择文件上传',
    );
  }
  const name = safeFileName(decoded, MAX_FILE_NAME);
  if (name === null) throw new AppError(400, 'text_invalid', excessCombiningMessage('文件名'));
  return name || 'upload';
}

/** The blank import workbook, with today's categories and units. */
function templateRoute(r: RouteBuilder, p: PlatformService): void {
  r.add('get', '/api/imports/template', 'view', undefined, async (ctx) => {
    const buf = await buildTemplate({
      categories: p.categories().map((c) => ({ name: c.name, listType: c.listType })),
      units: p.units().map((u) => u.name),
    });
    ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    ctx.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(TEMPLATE_FILE_NAME)}`);
    return buf;
  });
}

/** Imports: the template, upload and preview, staged rows, confirm into a batch, abandon. */
export function importRoutes(r: RouteBuilder, c: Services['credit'], maxImportBytes: number): void {
  // The template first, ahead of the other /api/imports routes as before.
  templateRoute(r, c.platform);
  r.add('post', '/api/imports', 'edit-lists', undefined, async (ctx, { session }) => {
    const { unitId, categoryId, uploadId } = z
      .object({
        unitId: z.string().min(1, '请选择成员单位'),
        categoryId: z.string().min(1, '请选择名单类别'),
        uploadId: UploadId.optional(),
      })
      .parse(ctx.query);
    const fileName = uploadFileName(ctx.get('x-file-name'));
    const buf = await readRaw(ctx, maxImportBytes);
    ctx.status = 201;
    // The admin follows the reading and checking of a large file on its socket by this id.
    const onProgress = uploadId ? c.imports.progressTo(session.idHash, uploadId) : undefined;
    return c.imports.preview(buf, { fileName, unitId, categoryId, actor: session.user.id }, onProgress);
  });
  r.add('get', '/api/imports', 'edit-lists', undefined, (_ctx, { session }) =>
    c.imports.mine(session.user.id),
  );
  r.add('get', '/api/imports/:id/rows', 'edit-lists', undefined, (ctx, { session }) => {
    const p = Page.parse(ctx.query);
    return c.imports.rows(id(ctx), session.user.id, q(ctx).status ?? '', p.offset, p.limit);
  });
  r.add('post', '/api/imports/:id/confirm', 'edit-lists', ImportConfirm, (ctx, { body, session }) => {
    ctx.status = 201;
    return c.imports.confirm(id(ctx), body.title, session.user.id, (batchId) => c.batches.get(batchId));
  });
  r.add('delete', '/api/imports/:id', 'edit-lists', undefined, (ctx, { session }) => {
    c.imports.abandon(id(ctx), session.user.id);
  });
}
