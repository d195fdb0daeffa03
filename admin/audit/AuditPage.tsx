import { Empty, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { AuditRecord } from '../../core/protocol/credit.js';
import { Page } from '../common/Page.js';
import { rowAttrs } from '../common/rowAttrs.js';
import { auditApi } from '../lib/endpoints.js';
import { useCan } from '../lib/session.js';
import { formatDateTime } from '../lib/time.js';
import { usePaged } from '../lists/usePaged.js';
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

const load = (page: { offset: number; limit: number }) =>
  auditApi.list(page).then((r) => ({ total: r.total, items: r.records }));

/**
 * 审计日志 for the audit administrator: every recorded action, newest first as the server orders
 * it; the others see their own actions (the security administrator the auditors' too).
 */
export function AuditPage() {
  const all = useCan('read-audit');
  const records = usePaged<AuditRecord>(load, 50);
  return (
    <Page title={all ? '审计日志' : '我的操作记录'} error={records.error} onRetry={records.reload}>
      <Table<AuditRecord>
        rowKey="seq"
        size="small"
        loading={records.loading}
        dataSource={records.items}
        columns={columns}
        pagination={records.pagination}
        locale={{ emptyText: <Empty description="还没有审计记录" /> }}
        onRow={(r) => rowAttrs('audit-row', { seq: r.seq })}
        scroll={{ x: 'max-content' }}
      />
    </Page>
  );
}
