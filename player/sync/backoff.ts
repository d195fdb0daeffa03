/**
 * Delay before reconnect attempt `attempt` (0, 1, 2 …): exponential from `baseMs`, capped at
 * `capMs` (the manifest's reconnectMaxMs), with "equal jitter" (half fixed, half random) so a
 * hall's screens coming back after a server restart do not knock all at once.
 */
export function backoffDelay(
  attempt: number,
  capMs: number,
  random: () => number = Math.random,
  baseMs = 1000,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
