export const BATCHES_PATH = '/batches';
export const IMPORT_PATH = `${BATCHES_PATH}/import`;

/** The #/batches/:id route of one batch. */
export function batchPath(batchId: string): string {
  return `${BATCHES_PATH}/${encodeURIComponent(batchId)}`;
}

/** What follows #/batches/: '' for the list, 'import' for the wizard, else a batch id. */
export function batchSubRoute(route: string): string {
  return route.startsWith(`${BATCHES_PATH}/`) ? decodeURIComponent(route.slice(BATCHES_PATH.length + 1)) : '';
}
