export const TAKEDOWNS_PATH = '/takedowns';

/** The #/takedowns/:id route of one takedown's per-screen report. */
export function takedownPath(takedownId: string): string {
  return `${TAKEDOWNS_PATH}/${encodeURIComponent(takedownId)}`;
}
