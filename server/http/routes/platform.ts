import { z } from 'zod';
import {
  ApiKeyCreate,
  CalendarDay,
  CategoryInput,
  UnitInput,
  WithdrawByCode,
} from '../../../core/protocol/credit.js';
import { chineseDate, dateIn } from '../../../core/time.js';
import { buildTemplate, TEMPLATE_FILE_NAME } from '../../services/credit/import/index.js';
import { listsHtml, listsXlsx } from '../../services/credit/listExports.js';
import type { Services } from '../../services/index.js';
import type { RouteBuilder } from '../routeBuilder.js';

const Page = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
const Year = z.coerce.number().int().min(2000).max(2100);

/** Units, categories, calendar, API keys, audit, exports, the public feed and the platform's push. */
export function platformRoutes(r: RouteBuilder, s: Services): void {
  const p = s.credit.platform;
  r.add('get', '/api/units', 'view', undefined, () => p.units());
  r.add('post', '/api/units', 'manage-system', UnitInput, (ctx, { body, session }) => {
    ctx.status = 201;
    return p.addUnit(body.name, session.user.id);
  });
  r.add('get', '/api/categories', 'view', undefined, () => p.categories());
  r.add('post', '/api/categories', 'manage-system', CategoryInput, (ctx, { body, session }) => {
    ctx.status = 201;
    return p.addCategory(body, session.user.id);
  });
  r.add('put', '/api/categories/:id', 'manage-system', CategoryInput, (ctx, { body, session }) =>
    p.updateCategory(ctx.params.id!, body, session.user.id),
  );
  r.add('get', '/api/calendar', 'view', undefined, (ctx) =>
    p.calendar(Year.parse(ctx.query.year ?? new Date().getFullYear())),
  );
  r.add('put', '/api/calendar/:year', 'edit-lists', z.array(CalendarDay).max(400), (ctx, { body, session }) =>
    p.setCalendar(Year.parse(ctx.params.year), body, session.user.id),
  );
  r.add('get', '/api/api-keys', 'manage-system', undefined, () => p.apiKeys());
  r.add('post', '/api/api-keys', 'manage-system', ApiKeyCreate, (ctx, { body, session }) => {
    ctx.status = 201;
    return p.createApiKey(body, session.user.id);
  });
  r.add('delete', '/api/api-keys/:id', 'manage-system', undefined, (ctx, { session }) => {
    p.revokeApiKey(ctx.params.id!, session.user.id);
  });
  r.add('get', '/api/audit', 'view', undefined, (ctx) => {
    const page = Page.parse(ctx.query);
    return p.audit(page.offset, page.limit);
  });

  r.add('get', '/api/imports/template', 'view', undefined, async (ctx) => {
    const buf = await buildTemplate({
      categories: p.categories().map((c) => ({ name: c.name, listType: c.listType })),
      units: p.units().map((u) => u.name),
    });
    ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    ctx.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(TEMPLATE_FILE_NAME)}`);
    return buf;
  });
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
  r.add('get', '/api/public/lists.json', 'public', undefined, (ctx) => {
    ctx.set('Cache-Control', 'public, max-age=60');
    return { generatedOn: dateIn(s.clock.now()), lists: p.publishedLists() };
  });
  r.add('post', '/api/platform/withdrawals', 'public', WithdrawByCode, (ctx, { body }) => {
    const key = p.checkApiKey(ctx.get('authorization'), 'withdraw');
    return s.credit.withdrawals.withdrawByCode(body, `apikey:${key.name}`);
  });
}
