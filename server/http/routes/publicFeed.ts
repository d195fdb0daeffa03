import { exports as api } from '../../../core/protocol/routes/credit.js';
import { dateIn } from '../../../core/time.js';
import type { Services } from '../../services/index.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** The public feed of the published lists (no login; cached a minute). */
export function publicFeedRoutes(r: RouteBuilder, s: Pick<Services, 'credit' | 'clock'>): void {
  const p = s.credit.platform;
  r.on(api.publicFeed, (ctx) => {
    ctx.set('Cache-Control', 'public, max-age=60');
    return { generatedOn: dateIn(s.clock.now()), lists: p.publishedLists() };
  });
}
