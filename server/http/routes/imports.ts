import type { Context } from 'koa';
import { z } from 'zod';
import {
  AcceptAnomaly,
  CorrectRequest,
  EntryEdit,
  ImportConfirm,
  ObjectionRequest,
  RejectRequest,
  ReviewComment,
  WithdrawByCode,
  WithdrawRequest,
} from '../../../core/protocol/credit.js';
import { UploadId } from '../../../core/protocol/events.js';
import { excessCombiningMessage, safeFileName } from '../../../core/text.js';
import { AppError } from '../../errors.js';
import type { Services } from '../../services/index.js';
import type { RouteBuilder } from '../routeBuilder.js';

const Page = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

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

/** Imports, batches, review, entries, withdrawals and takedowns. */
export function creditRoutes(r: RouteBuilder, s: Services, maxImportBytes: number): void {
  const c = s.credit;
  const q = (ctx: Context) => ctx.query as Record<string, string | undefined>;
  const id = (ctx: Context, name = 'id') => ctx.params[name]!;

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

  r.add('get', '/api/batches', 'view', undefined, (ctx) => c.batches.list(q(ctx).status ?? ''));
  r.add('get', '/api/batches/:id', 'view', undefined, (ctx) => c.batches.get(id(ctx)));
  r.add('get', '/api/batches/:id/entries', 'view', undefined, (ctx) => {
    const p = Page.parse(ctx.query);
    return c.batches.entries(id(ctx), p.offset, p.limit);
  });
  r.add('patch', '/api/batches/:id/entries/:entryId', 'edit-lists', EntryEdit, (ctx, { body, session }) =>
    c.batches.editEntry(id(ctx), id(ctx, 'entryId'), body, session.user.id),
  );
  r.add('delete', '/api/batches/:id', 'edit-lists', undefined, (ctx, { session }) => {
    c.batches.remove(id(ctx), session.user.id);
  });
  r.add('post', '/api/batches/:id/submit', 'edit-lists', undefined, (ctx, { session }) =>
    c.batches.submit(id(ctx), session.user.id),
  );
  r.add('post', '/api/batches/:id/approve', 'review', ReviewComment, (ctx, { body, session }) =>
    c.batches.approve(id(ctx), session.user.id, body.comment),
  );
  r.add('post', '/api/batches/:id/reject', 'review', RejectRequest, (ctx, { body, session }) =>
    c.batches.reject(id(ctx), session.user.id, body.comment),
  );
  r.add('post', '/api/batches/:id/publish', 'review', undefined, (ctx, { session }) => {
    const out = c.batches.publish(id(ctx), session.user.id);
    return { ...out.batch, changeId: out.changeId };
  });

  r.add('get', '/api/entries', 'view', undefined, (ctx) => {
    const p = Page.parse(ctx.query);
    return c.withdrawals.search({
      q: q(ctx).q ?? '',
      status: q(ctx).status ?? '',
      listType: q(ctx).listType ?? '',
      ...p,
    });
  });
  r.add(
    'post',
    '/api/entries/withdraw-by-code',
    'withdraw-entries',
    WithdrawByCode,
    (_ctx, { body, session }) => c.withdrawals.withdrawByCode(body, session.user.id),
  );
  r.add('post', '/api/entries/:id/accept-anomaly', 'review', AcceptAnomaly, (ctx, { body, session }) =>
    c.batches.acceptAnomaly(id(ctx), session.user.id, body.reason),
  );
  r.add('post', '/api/entries/:id/withdraw', 'withdraw-entries', WithdrawRequest, (ctx, { body, session }) =>
    c.withdrawals.withdraw(id(ctx), body, session.user.id),
  );
  r.add('post', '/api/entries/:id/correct', 'edit-lists', CorrectRequest, (ctx, { body, session }) => {
    ctx.status = 201;
    return c.withdrawals.correct(id(ctx), body, session.user.id);
  });
  r.add('post', '/api/entries/:id/objection', 'set-objection', ObjectionRequest, (ctx, { body, session }) =>
    c.withdrawals.setObjection(id(ctx), body.pending, body.reason, session.user.id),
  );

  r.add('get', '/api/takedowns', 'view', undefined, (ctx) => {
    const p = Page.parse(ctx.query);
    return c.withdrawals.takedowns(p.offset, p.limit);
  });
  r.add('get', '/api/takedowns/:id', 'view', undefined, (ctx) => c.withdrawals.takedown(id(ctx)));
}
