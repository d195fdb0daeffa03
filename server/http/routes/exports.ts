import { exports as api } from '../../../core/protocol/routes/credit.js';
import { chineseDate, dateIn } from '../../../core/time.js';
import { listsHtml, listsXlsx } from '../../services/credit/listExports.js';
import type { Services } from '../../services/index.js';
import { xlsxAttachment } from '../attachment.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** The published lists as a workbook and as a print-ready page. */
export function exportRoutes(r: RouteBuilder, s: Pick<Services, 'credit' | 'clock'>): void {
  const p = s.credit.platform;
  r.on(api.xlsx, async (ctx) => {
    return xlsxAttachment(
      ctx,
      `诚信红黑榜-${dateIn(s.clock.now())}.xlsx`,
      await listsXlsx(p.publishedLists()),
    );
  });
  r.on(api.html, (ctx) => {
    ctx.type = 'text/html; charset=utf-8';
    return listsHtml(p.publishedLists(), chineseDate(dateIn(s.clock.now())));
  });
}
