/** The schedule engine: the same code runs on the server, the admin preview and the player. */
export { campaignActive, effectiveCycle, resolve, winningCampaign } from './resolve.js';
export * from './types.js';
