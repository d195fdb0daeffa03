import { z } from 'zod';
import { CalendarDay } from '../../../core/protocol/credit.js';
import type { PlatformService } from '../../services/credit/platformService.js';
import type { RouteBuilder } from '../routeBuilder.js';

const Year = z.coerce.number().int().min(2000).max(2100);

/** A year's calendar of holidays and make-up workdays. */
export function calendarRoutes(r: RouteBuilder, p: PlatformService): void {
  r.add('get', '/api/calendar', 'view', undefined, (ctx) =>
    p.calendar(Year.parse(ctx.query.year ?? new Date().getFullYear())),
  );
  r.add('put', '/api/calendar/:year', 'edit-lists', z.array(CalendarDay).max(400), (ctx, { body, session }) =>
    p.setCalendar(Year.parse(ctx.params.year), body, session.user.id),
  );
}
