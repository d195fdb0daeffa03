import { auth, users } from './access.js';
import {
  apiKeys,
  audit,
  batches,
  calendar,
  categories,
  entries,
  exports,
  imports,
  platform,
  takedowns,
  units,
} from './credit.js';
import { files } from './files.js';
import { groups, halls } from './halls.js';
import { alerts, changes, dashboard, health, metrics, openapi, reports } from './operations.js';
import { campaigns, emergencies, items, media, playlists, preview } from './programs.js';
import { bootReports, pairing, player, screens } from './screens.js';

/**
 * The REST API, every route once: the server registers from this table, the admin's client
 * takes its types from it and the OpenAPI document is written from it.
 */
export const api = {
  health,
  metrics,
  openapi,
  auth,
  users,
  halls,
  groups,
  screens,
  pairing,
  player,
  bootReports,
  items,
  playlists,
  media,
  campaigns,
  emergencies,
  preview,
  dashboard,
  changes,
  alerts,
  reports,
  files,
  units,
  categories,
  imports,
  batches,
  entries,
  takedowns,
  calendar,
  exports,
  platform,
  apiKeys,
  audit,
};
