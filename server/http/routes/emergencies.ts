import { emergencies as api } from '../../../core/protocol/routes/programs.js';
import type { EmergencyService } from '../../services/programs/emergencyService.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** Emergency notices: list, raise and revert. */
export function emergencyRoutes(r: RouteBuilder, emergencies: EmergencyService): void {
  r.on(api.list, () => emergencies.list());
  r.on(api.create, (_ctx, { body, session }) => emergencies.create(body, session.user.id));
  r.on(api.revert, (_ctx, { params, session }) => emergencies.revert(params.id, session.user.id));
}
