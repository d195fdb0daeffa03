import { dateIn } from '../../../core/time.js';
import type { Services } from '../../services/index.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** The public feed of the published lists (no login; cached a minute). */
export function publicFeedRoutes(r: RouteBuilder, s: Pick<Services, 'credit' | 'clock'>): void {
  const p = s.credit.platform;
  r.add('get', '/api/public/lists.json', 'public', undefined, (ctx) => {
    ctx.set('Cache-Control', 'public, max-age=60');
    return { generatedOn: dateIn(s.clock.now()), lists: p.publishedLists() };
  });
}
