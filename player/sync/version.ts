/** Sent in hello and heartbeats; shown in the info panel. */
export const PLAYER_VERSION = '0.2.0';
