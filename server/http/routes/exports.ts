import { chineseDate, dateIn } from '../../../core/time.js';
import { listsHtml, listsXlsx } from '../../services/credit/listExports.js';
import type { Services } from '../../services/index.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** The published lists as a workbook and as a print-ready page. */
export function exportRoutes(r: RouteBuilder, s: Pick<Services, 'credit' | 'clock'>): void {
  const p = s.credit.platform;
  r.add('get', '/api/exports/lists.xlsx', 'view', undefined, async (ctx) => {
    const today = dateIn(s.clock.now());
    ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    ctx.set(
      'Content-Disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(`诚信红黑榜-${today}.xlsx`)}`,
    );
    return listsXlsx(p.publishedLists());
  });
  r.add('get', '/api/exports/lists.html', 'view', undefined, (ctx) => {
    ctx.type = 'text/html; charset=utf-8';
    return listsHtml(p.publishedLists(), chineseDate(dateIn(s.clock.now())));
  });
}
