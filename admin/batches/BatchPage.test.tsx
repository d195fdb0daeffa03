import '../lists/testDom.js';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../core/protocol/credit.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { csv, orgRow } from '../../server/test/creditFixtures.js';
import { api } from '../lib/api.js';
import { call, hrefOf } from '../lib/client.js';
import { startRealServer } from '../lib/realServer.js';
import { WithSession } from '../lists/testSession.js';
import { BatchPage } from './BatchPage.js';

let server: Awaited<ReturnType<typeof startRealServer>>;
/** While set, a request for a batch's second page waits for it: the test looks at the screen meanwhile. */
let secondPageGate: Promise<void> | null = null;
const held: string[] = [];

beforeAll(async () => {
  server = await startRealServer();
  const jar = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    if (secondPageGate && String(input).includes('offset=20')) {
      held.push(new URL(String(input)).pathname);
      await secondPageGate;
    }
    return jar(input, init);
  };
});
afterAll(() => server.close());
afterEach(cleanup);

/** Uploads `rows` organisations as the signed-in list editor and confirms them as a draft batch. */
async function importDraft(rows: number, title: string): Promise<string> {
  const [units, categories] = await Promise.all([call(routes.units.list), call(routes.categories.list)]);
  const category = categories.find((c) => c.name === '严重违法失信企业');
  if (!category || !units[0]) throw new Error('demo units and categories missing');
  const names = Array.from({ length: rows }, (_, i) => `${title}公司${String(i + 1).padStart(2, '0')}`);
  const file = csv(names.map((name) => orgRow({ 主体名称: name })));
  const query = { unitId: units[0].id, categoryId: category.id };
  // Sent as the browser's upload would be (the client's own upload is an XHR, which jsdom sends without our cookie jar).
  const res = await globalThis.fetch(api.baseUrl + hrefOf(routes.imports.upload, { query }), {
    method: 'POST',
    headers: {
      'x-csrf-token': api.currentSession?.csrfToken ?? '',
      'x-file-name': encodeURIComponent(`${title}.csv`),
      'content-type': 'application/octet-stream',
    },
    body: new Uint8Array(file),
  });
  const preview = (await res.json()) as ImportPreview;
  if (preview.importable !== rows) throw new Error(`import refused: ${JSON.stringify(preview)}`);
  const batch = await call(routes.imports.confirm, { params: { id: preview.id }, body: { title } });
  return batch.id;
}

function renderBatch(batchId: string) {
  const session = api.currentSession;
  if (!session) throw new Error('sign in first');
  render(
    <WithSession session={session}>
      <BatchPage batchId={batchId} />
    </WithSession>,
  );
}

const rowNames = () =>
  screen.getAllByTestId('entry-row').map((row) => within(row).getAllByRole('cell')[1]?.textContent);

describe('BatchPage against the real server', { timeout: 30_000 }, () => {
  it('keeps the first page of entries on screen until the second arrives', async () => {
    await server.signIn('list-editor');
    const batchId = await importDraft(25, '分页');
    renderBatch(batchId);
    await waitFor(() => expect(rowNames()).toHaveLength(20), { timeout: 5000 });
    expect(rowNames()[0]).toContain('分页公司01');

    let release = () => {};
    secondPageGate = new Promise((resolve) => {
      release = resolve;
    });
    fireEvent.click(screen.getByTitle('2'));
    await waitFor(() => expect(held).toEqual([hrefOf(routes.batches.entries, { params: { id: batchId } })]));
    // The request is in flight: page 1's rows are still shown (under the table's spinner).
    expect(rowNames()).toHaveLength(20);
    expect(rowNames()[0]).toContain('分页公司01');

    release();
    secondPageGate = null;
    // A 20-row antd table takes its time in jsdom on a busy machine.
    await waitFor(() => expect(rowNames()).toHaveLength(5), { timeout: 5000 });
    expect(rowNames()[0]).toContain('分页公司21');
  });

  it("shows the server's four-eyes refusal when the submitter approves, and keeps the typed comment", async () => {
    await server.signIn('list-editor');
    const batchId = await importDraft(2, '四眼');
    await server.signIn('reviewer');
    const reviewer = api.currentSession?.user.id ?? '';
    // No reviewer may submit over HTTP (submit is the editors'): the service records this reviewer as the submitter.
    server.t.hc.services.credit.batches.submit(batchId, reviewer);
    renderBatch(batchId);

    fireEvent.click(await screen.findByTestId('batch-approve'));
    const input = (await screen.findByTestId('approve-input')) as HTMLTextAreaElement;
    fireEvent.change(input, { target: { value: '已逐条核对' } });
    server.sent.length = 0;
    fireEvent.click(screen.getByTestId('approve-submit'));

    const error = await screen.findByTestId('approve-error');
    expect(error.textContent).toContain('不能审核自己提交的批次');
    expect(error.textContent).toContain('您提交了该批次的内容，不能审核通过');
    const approve = hrefOf(routes.batches.approve, { params: { id: batchId }, body: {} });
    expect(server.sent).toEqual([{ method: 'POST', path: approve }]);
    expect((screen.getByTestId('approve-input') as HTMLTextAreaElement).value).toBe('已逐条核对');
    expect(screen.getByTestId('batch-status').textContent).toContain('待审核');
  });
});
