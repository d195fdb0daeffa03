import { CalendarYear } from '../../../core/protocol/credit.js';
import { calendar as api } from '../../../core/protocol/routes/credit.js';
import { dateIn } from '../../../core/time.js';
import type { Clock } from '../../clock.js';
import type { PlatformService } from '../../services/credit/platformService.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** A year's calendar of holidays and make-up workdays; without a year, this year in the hall's timezone. */
export function calendarRoutes(r: RouteBuilder, p: PlatformService, clock: Clock): void {
  r.on(api.get, (_ctx, { query }) => p.calendar(query.year ?? Number(dateIn(clock.now()).slice(0, 4))));
  r.on(api.set, (_ctx, { params, body, session }) =>
    p.setCalendar(CalendarYear.parse(params.year), body, session.user.id),
  );
}
