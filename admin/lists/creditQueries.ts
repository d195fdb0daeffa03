import { api as routes } from '../../core/protocol/routes/index.js';
import { routeQuery } from '../lib/client.js';

/** The member units: read by the import wizard and the 成员单位 tab, one cache entry for both. */
export const unitsQuery = routeQuery(routes.units.list);
/** Display names for the user ids a batch or takedown carries; every role may read them. */
export const userNamesQuery = routeQuery(routes.users.names);
