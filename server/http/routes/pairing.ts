import { PairPoll, PairRegister } from '../../../core/protocol/rest.js';
import type { ScreenService } from '../../services/screens/screenService.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** Pairing of a new player: register for a code, then poll until an admin claims it. */
export function pairingRoutes(r: RouteBuilder, screens: ScreenService): void {
  r.add('post', '/api/pair/register', 'public', PairRegister, (ctx, { body }) =>
    screens.register(body, ctx.ip),
  );
  r.add('post', '/api/pair/poll', 'public', PairPoll, (ctx, { body }) => screens.poll(body, ctx.ip));
}
