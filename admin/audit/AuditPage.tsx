import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Empty, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { AuditRecord, AuditVerify } from '../../core/protocol/credit.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { Page } from '../common/Page.js';
import { rowAttrs } from '../common/rowAttrs.js';
import { call, hrefOf, routeQuery } from '../lib/client.js';
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

const SUITE_TEXT = { standard: 'HMAC-SHA256', gm: 'HMAC-SM3' } as const;

/** What a chain check found, in full above the log. */
function ChainResult({ result, onClose }: { result: AuditVerify; onClose: () => void }) {
  const [type, title, description] = result.ok
    ? ([
        'success',
        `哈希链完整：共 ${result.records} 条记录`,
        `校验算法 ${result.suites.map((s) => SUITE_TEXT[s]).join(' → ')}；最新链接 ${result.head}`,
      ] as const)
    : ([
        'error',
        `哈希链在第 ${result.brokenAt} 条记录处断开`,
        '该记录或其之前的记录被改动、删除或插入。请保留数据目录现状，并对照服务器日志中记录的链接（hallcast audit verify）确定改动范围。',
      ] as const);
  return (
    <Alert
      type={type}
      showIcon
      closable={{ onClose }}
      style={{ marginBottom: 16 }}
      data-testid="audit-verify-result"
      title={title}
      description={description}
    />
  );
}

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
  // The check is recorded in the log itself: the page's records are read again after it.
  const verify = useMutation({
    mutationFn: () => call(routes.audit.verify),
    onSettled: () => void records.refetch(),
  });
  const extra = all ? (
    <>
      <Button
        icon={<SafetyCertificateOutlined />}
        loading={verify.isPending}
        onClick={() => verify.mutate()}
        data-testid="audit-verify"
      >
        校验哈希链
      </Button>
      <Button icon={<DownloadOutlined />} href={hrefOf(routes.audit.export)} data-testid="audit-export">
        导出 CSV
      </Button>
    </>
  ) : undefined;
  return (
    <Page
      title={all ? '审计日志' : '我的操作记录'}
      extra={extra}
      error={records.error}
      onRetry={() => void records.refetch()}
    >
      {verify.data ? <ChainResult result={verify.data} onClose={() => verify.reset()} /> : null}
      {verify.error ? (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => verify.reset() }}
          style={{ marginBottom: 16 }}
          title="校验未能完成"
          description={verify.error.message}
        />
      ) : null}
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
