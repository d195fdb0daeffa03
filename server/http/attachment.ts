import type { Context } from 'koa';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Answers a workbook as a download under `name` (UTF-8 file name), never cached. */
export function xlsxAttachment(ctx: Context, name: string, body: Buffer): Buffer {
  ctx.type = XLSX;
  ctx.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
  ctx.set('Cache-Control', 'no-store');
  return body;
}
