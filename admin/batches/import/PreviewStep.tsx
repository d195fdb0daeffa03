import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Flex, Row, Segmented, Space, Statistic, Table } from 'antd';
import { useState } from 'react';
import type { ImportPreview, PreviewRow } from '../../../core/protocol/credit.js';
import { api as routes } from '../../../core/protocol/routes/index.js';
import { rowAttrs } from '../../common/rowAttrs.js';
import { routeQuery } from '../../lib/client.js';
import { formatDateTime } from '../../lib/time.js';
import { useTablePage } from '../../lists/tablePage.js';
import { previewColumns } from './previewColumns.js';

interface Props {
  preview: ImportPreview;
  onBack: () => void;
  onNext: () => void;
}

type Filter = PreviewRow['status'] | 'all';
const FILTERS: { value: Filter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'error', label: '错误' },
  { value: 'warning', label: '警告' },
  { value: 'ok', label: '正常' },
];

function Counts({ preview }: { preview: ImportPreview }) {
  const cells = [
    { title: '总行数', value: preview.total, id: 'total' },
    { title: '可导入', value: preview.importable, id: 'importable', color: '#389e0d' },
    { title: '正常', value: preview.ok, id: 'ok' },
    { title: '警告', value: preview.warning, id: 'warning', color: '#d48806' },
    { title: '错误', value: preview.error, id: 'error', color: '#cf1322' },
  ];
  return (
    <Row gutter={16}>
      {cells.map((c) => (
        <Col key={c.id} xs={12} sm={8} md={4}>
          <Card size="small">
            <Statistic
              title={c.title}
              value={c.value}
              styles={{ content: c.color ? { color: c.color } : undefined }}
              data-testid={`import-preview-${c.id}`}
              data-count={c.value}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** Step 2: counts, file warnings and every row's issues, paged from the server. */
export function PreviewStep({ preview, onBack, onNext }: Props) {
  const [filter, setFilter] = useState<Filter>(preview.error > 0 ? 'error' : 'all');
  const page = useTablePage();
  const status = filter === 'all' ? undefined : filter;
  const rows = useQuery({
    ...routeQuery(routes.imports.rows, { params: { id: preview.id }, query: { status, ...page.query } }),
    placeholderData: keepPreviousData,
  });

  return (
    <Flex vertical gap={16}>
      <Counts preview={preview} />
      <Alert
        type="info"
        showIcon
        title={`文件「${preview.fileName}」：第 ${preview.headerRow} 行为表头，检查结果保留至 ${formatDateTime(preview.expiresAt)}`}
        description="标为「错误」的行不会导入，请在原表格中改正后重新导入这些行；「警告」行会导入；「代码异常」（仅统一社会信用代码校验位不符，可能是早期试点代码）的行会导入并标记，须审核员填写理由接受后才能发布。"
      />
      {preview.fileWarnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title="文件提示"
          data-testid="import-file-warnings"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {preview.fileWarnings.map((w) => (
                <li key={`${w.code}:${w.message}`}>{w.message}</li>
              ))}
            </ul>
          }
        />
      )}
      {rows.error && <Alert type="error" showIcon title={rows.error.message} />}
      <Segmented<Filter>
        value={filter}
        options={FILTERS}
        onChange={(next) => {
          setFilter(next);
          page.first();
        }}
        data-testid="import-row-filter"
      />
      <Table<PreviewRow>
        rowKey="row"
        size="small"
        loading={rows.isFetching}
        dataSource={rows.data?.rows ?? []}
        columns={previewColumns()}
        pagination={page.pagination(rows.data?.total ?? 0)}
        onRow={(row) => rowAttrs('preview-row', { row: row.row, status: row.status })}
        scroll={{ x: 'max-content' }}
      />
      <Space>
        <Button onClick={onBack}>重新选择文件</Button>
        <Button type="primary" disabled={preview.importable === 0} onClick={onNext} data-testid="import-next">
          {preview.importable === 0 ? '没有可导入的行' : `下一步：导入 ${preview.importable} 行`}
        </Button>
      </Space>
    </Flex>
  );
}
