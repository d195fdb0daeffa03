import '../../lists/testDom.js';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ImportPreview, PreviewRow } from '../../../core/protocol/credit.js';
import { api as routes } from '../../../core/protocol/routes/index.js';
import { Providers } from '../../common/Providers.js';
import { api } from '../../lib/api.js';
import { hrefOf } from '../../lib/client.js';
import { json, startTestServer } from '../../lib/testServer.js';
import { PreviewStep } from './PreviewStep.js';

const values = {
  subjectType: '法人及非法人组织',
  name: '某某建材有限公司',
  code: '91350100M000100Y4X',
  legalRep: '张三',
  reason: '拒不履行',
  docNo: '（2026）闽01执123号',
  authority: '某市中级人民法院',
  decisionDate: '2026-03-02',
  publishFrom: '2026-03-02',
  publishUntil: '2028-03-02',
  severity: '',
};
const errorRow: PreviewRow = {
  row: 7,
  status: 'error',
  codeAnomaly: false,
  values,
  errors: [
    { column: '统一社会信用代码', field: 'code', code: 'uscc_length', message: '应为 18 位，实为 19 位' },
  ],
  warnings: [{ column: '认定部门', field: 'authority', code: 'x', message: '与类别常用部门不同' }],
};
const anomalyRow: PreviewRow = {
  ...errorRow,
  row: 9,
  status: 'warning',
  codeAnomaly: true,
  errors: [],
  warnings: [],
};
const preview: ImportPreview = {
  id: 'imp1',
  fileName: '名单.xlsx',
  format: 'xlsx',
  headerRow: 2,
  columns: [],
  total: 10,
  ok: 7,
  warning: 2,
  error: 1,
  importable: 9,
  fileWarnings: [{ code: 'hidden_sheet', message: '文件含有隐藏工作表，已忽略' }],
  expiresAt: Date.parse('2026-11-27T14:05:00+08:00'),
  sample: [],
};

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer((_req, res) => json(res, 200, { total: 2, rows: [errorRow, anomalyRow] }));
  api.baseUrl = server.url;
});
afterAll(async () => {
  api.baseUrl = '';
  await server.close();
});
afterEach(cleanup);

describe('PreviewStep', { timeout: 20_000 }, () => {
  it('shows the counts, file warnings and each issue as 列「…」：…', async () => {
    render(
      <Providers>
        <PreviewStep preview={preview} onBack={vi.fn()} onNext={vi.fn()} />
      </Providers>,
    );
    expect(screen.getByTestId('import-preview-ok').textContent).toContain('7');
    expect(screen.getByTestId('import-preview-warning').textContent).toContain('2');
    expect(screen.getByTestId('import-preview-error').textContent).toContain('1');
    expect(screen.getByTestId('import-preview-importable').textContent).toContain('9');
    expect(screen.getByTestId('import-file-warnings').textContent).toContain('文件含有隐藏工作表');
    expect(screen.getByText(/「错误」的行不会导入/)).toBeTruthy();

    const rows = await screen.findAllByTestId('preview-row');
    expect(rows).toHaveLength(2);
    const first = within(rows[0]!);
    expect(first.getByTestId('row-error').textContent).toContain(
      '列「统一社会信用代码」：应为 18 位，实为 19 位',
    );
    expect(first.getByTestId('row-warning').textContent).toContain('列「认定部门」：与类别常用部门不同');
    expect(within(rows[1]!).getByTestId('row-anomaly').textContent).toContain('将导入并标记');
    expect(within(rows[1]!).getByTestId('anomaly-tag').textContent).toContain('代码异常');

    // With errors in the file, the table opens on the error rows.
    const query = { status: 'error', offset: 0, limit: 20 } as const;
    expect(server.requests.at(-1)?.url).toBe(hrefOf(routes.imports.rows, { params: { id: 'imp1' }, query }));
    expect(screen.getByTestId('import-next').textContent).toContain('导入 9 行');
  });
});
