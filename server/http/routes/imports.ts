import type { Context } from 'koa';
import { imports as api } from '../../../core/protocol/routes/credit.js';
import { excessCombiningMessage, safeFileName } from '../../../core/text.js';
import { badRequest, tooLarge } from '../../errors.js';
import { buildTemplate, TEMPLATE_FILE_NAME } from '../../services/credit/import/index.js';
import type { Services } from '../../services/index.js';
import { xlsxAttachment } from '../attachment.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** Reads a raw upload within a limit: 413 as soon as it is over. */
export async function readRaw(ctx: Context, maxBytes: number): Promise<Buffer> {
  const mb = Math.round(maxBytes / 1024 / 1024);
  const overLimit = () => tooLarge('file_too_large', `文件超过 ${mb} MB 上限，请拆分后分批导入`);
  if (Number(ctx.get('content-length') || 0) > maxBytes) throw overLimit();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw overLimit();
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
    throw badRequest(
      'file_name_invalid',
      '文件名编码有误（x-file-name 须为 UTF-8 百分号编码）：请刷新页面后重新选择文件上传',
    );
  }
  const name = safeFileName(decoded, MAX_FILE_NAME);
  if (name === null) throw badRequest('text_invalid', excessCombiningMessage('文件名'));
  return name || 'upload';
}

/** Imports: the template, upload and preview, staged rows, confirm into a batch, abandon. */
export function importRoutes(r: RouteBuilder, c: Services['credit'], maxImportBytes: number): void {
  // The template first, ahead of the other /api/imports routes.
  r.on(api.template, async (ctx) => {
    const buf = await buildTemplate({
      categories: c.platform.categories().map((x) => ({ name: x.name, listType: x.listType })),
      units: c.platform.units().map((u) => u.name),
    });
    return xlsxAttachment(ctx, TEMPLATE_FILE_NAME, buf);
  });
  // The query is parsed and the file name checked before the body is read.
  r.on(api.upload, async (ctx, { query, session }) => {
    const fileName = uploadFileName(ctx.get('x-file-name'));
    const buf = await readRaw(ctx, maxImportBytes);
    // The admin follows the reading and checking of a large file on its socket by this id.
    const onProgress = query.uploadId ? c.imports.progressTo(session.idHash, query.uploadId) : undefined;
    const target = { fileName, unitId: query.unitId, categoryId: query.categoryId, actor: session.user.id };
    return c.imports.preview(buf, target, onProgress);
  });
  r.on(api.mine, (_ctx, { session }) => c.imports.mine(session.user.id));
  r.on(api.rows, (_ctx, { params, query, session }) =>
    c.imports.rows(params.id, session.user.id, query.status, query.offset, query.limit),
  );
  r.on(api.confirm, (_ctx, { params, body, session }) =>
    c.imports.confirm(params.id, body.title, session.user.id, (batchId) => c.batches.get(batchId)),
  );
  r.on(api.abandon, (_ctx, { params, session }) => c.imports.abandon(params.id, session.user.id));
}
