import { ApiKeyCreate } from '../../../core/protocol/credit.js';
import type { PlatformService } from '../../services/credit/platformService.js';
import type { RouteBuilder } from '../routeBuilder.js';

/** API keys for the credit platform: list, create and revoke. */
export function apiKeyRoutes(r: RouteBuilder, p: PlatformService): void {
  r.add('get', '/api/api-keys', 'manage-system', undefined, () => p.apiKeys());
  r.add('post', '/api/api-keys', 'manage-system', ApiKeyCreate, (ctx, { body, session }) => {
    ctx.status = 201;
    return p.createApiKey(body, session.user.id);
  });
  r.add('delete', '/api/api-keys/:id', 'manage-system', undefined, (ctx, { session }) => {
    p.revokeApiKey(ctx.params.id!, session.user.id);
  });
}
