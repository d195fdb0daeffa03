import { pairing as api } from '../../../core/protocol/routes/screens.js';
import type { ScreenService } from '../../services/screens/screenService.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** Pairing of a new player: register for a code, then poll until an admin claims it. */
export function pairingRoutes(r: RouteBuilder, screens: ScreenService): void {
  r.on(api.register, (ctx, { body }) => screens.register(body, ctx.ip));
  r.on(api.poll, (ctx, { body }) => screens.poll(body, ctx.ip));
}
