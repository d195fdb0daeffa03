import { api as routes } from '../../core/protocol/routes/index.js';
import { routeQuery } from '../lib/client.js';

/** The media library, shared by 媒体库 and the content form's file picker. */
export const mediaQuery = routeQuery(routes.media.list);
