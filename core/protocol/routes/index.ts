import { groups, halls } from './halls.js';
import { campaigns, emergencies, items, media, playlists, preview } from './programs.js';

/**
 * The REST API, every route once: the server registers from this table, the admin's client
 * takes its types from it and the OpenAPI document is written from it.
 */
export const api = { halls, groups, items, playlists, media, campaigns, emergencies, preview };
