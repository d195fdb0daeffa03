import { EmergencyInput } from '../../../core/protocol/programs.js';
import type { EmergencyService } from '../../services/programs/emergencyService.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** Emergency notices: list, raise and revert. */
export function emergencyRoutes(r: RouteBuilder, emergencies: EmergencyService): void {
  r.add('get', '/api/emergencies', 'view', undefined, () => emergencies.list());
  r.add('post', '/api/emergencies', 'emergency', EmergencyInput, (ctx, { body, session }) => {
    ctx.status = 201;
    return emergencies.create(body, session.user.id);
  });
  r.add('post', '/api/emergencies/:id/revert', 'emergency', undefined, (ctx, { session }) =>
    emergencies.revert(ctx.params.id!, session.user.id),
  );
}
