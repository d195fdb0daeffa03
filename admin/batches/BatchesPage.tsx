import { useRoute } from '../lib/router.js';
import { BatchListPage } from './BatchListPage.js';
import { BatchPage } from './BatchPage.js';
import { ImportWizard } from './import/ImportWizard.js';
import { batchSubRoute } from './paths.js';

/** #/batches (list), #/batches/import (wizard) and #/batches/:id (one batch). */
export function BatchesPage() {
  const sub = batchSubRoute(useRoute());
  if (sub === 'import') return <ImportWizard />;
  if (sub) return <BatchPage key={sub} batchId={sub} />;
  return <BatchListPage />;
}
