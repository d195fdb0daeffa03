import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Empty, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { AuditRecord } from '../../core/protocol/credit.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { Page } from '../common/Page.js';
import { rowAttrs } from '../common/rowAttrs.js';
import { routeQuery } from '../lib/client.js';
import { useCan } from '../lib/session.js';
import { formatDateTime } from '../lib/time.js';
import { useTablePage } from '../lists/tablePage.js';
import { formatSummary } from './formatSummary.js';

function Summary({ value }: { value: unknown }) {
  const { text, multiline } = formatSummary(value);
  if (!text) return <Typography.Text type="secondary">—</Typography.Text>;
  if (!multiline) return <Typography.Text code>{text}</Typography.Text>;
  return (
    <pre
      style={{
        margin: 0,
        maxHeight: 160,
        maxWidth: 520,
        overflow: 'auto',
        fontSize: 12,
        whiteSpace: 'pre-wrap',
      }}
    >
      {text}
    </pre>
  );
}

const columns: ColumnsType<AuditRecord> = [
  { title: '序号', dataIndex: 'seq', width: 80 },
  { title: '时间', dataIndex: 'at', render: (at: number) => formatDateTime(at) },
  {
    title: '操作人',
    key: 'actor',
    render: (_, r) => r.actorName ?? (r.actor ? `用户 ${r.actor.slice(0, 8)}` : <Tag>系统</Tag>),
  },
  {
    title: '操作',
    dataIndex: 'action',
    render: (action: string) => <Typography.Text code>{action}</Typography.Text>,
  },
  { title: '对象', dataIndex: 'target', render: (target: string | null) => target ?? '—' },
  { title: '摘要', dataIndex: 'summary', render: (summary: unknown) => <Summary value={summary} /> },
];

/**
 * 审计日志 for the audit administrator: every recorded action, newest first as the server orders
 * it; the others see their own actions (the security administrator the auditors' too).
 */
export function AuditPage() {
  const all = useCan('read-audit');
  const page = useTablePage(50);
  const records = useQuery({
    ...routeQuery(routes.audit.list, { query: page.query }),
    placeholderData: keepPreviousData,
  });
  return (
    <Page
      title={all ? '审计日志' : '我的操作记录'}
      error={records.error}
      onRetry={() => void records.refetch()}
    >
      <Table<AuditRecord>
        rowKey="seq"
        size="small"
        loading={records.isFetching}
        dataSource={records.data?.records ?? []}
        columns={columns}
        pagination={page.pagination(records.data?.total ?? 0)}
        locale={{ emptyText: <Empty description="还没有审计记录" /> }}
        onRow={(r) => rowAttrs('audit-row', { seq: r.seq })}
        scroll={{ x: 'max-content' }}
      />
    </Page>
  );
}
