import { ArrowLeftOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Table, Typography } from 'antd';
import { useState } from 'react';
import { AcceptAnomaly, type EntryView } from '../../core/protocol/credit.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { Page } from '../common/Page.js';
import { toApiError } from '../lib/api.js';
import { call, routeQuery } from '../lib/client.js';
import { navigate } from '../lib/router.js';
import { useCan, useSession } from '../lib/session.js';
import { entryRow } from '../lists/entryCells.js';
import { ReasonModal } from '../lists/ReasonModal.js';
import { useTablePage } from '../lists/tablePage.js';
import { ActionError } from './ActionError.js';
import { BatchActions } from './BatchActions.js';
import { BatchHeader } from './BatchHeader.js';
import { batchEntryChanged } from './batchCache.js';
import { batchEntryColumns } from './batchEntryColumns.js';
import { EntryEditModal } from './EntryEditModal.js';
import { BATCHES_PATH } from './paths.js';

/** One batch: header, role- and state-dependent actions, and its entries paged from the server. */
export function BatchPage({ batchId }: { batchId: string }) {
  const params = { id: batchId };
  const batch = useQuery(routeQuery(routes.batches.get, { params }));
  const page = useTablePage();
  const entries = useQuery({
    ...routeQuery(routes.batches.entries, { params, query: page.query }),
    placeholderData: keepPreviousData,
  });
  const client = useQueryClient();
  const { session } = useSession();
  const canEdit = useCan('edit-lists');
  const canReview = useCan('review');
  const { message } = App.useApp();
  const [actionError, setActionError] = useState<unknown>(null);
  const [editing, setEditing] = useState<EntryView | null>(null);
  const [accepting, setAccepting] = useState<EntryView | null>(null);

  const entryChanged = () => batchEntryChanged(client, batchId);
  const data = batch.data;
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(BATCHES_PATH)}>
      返回列表
    </Button>
  );
  const extra = data && (
    <>
      {back}
      <BatchActions
        batch={data}
        onChanged={() => setActionError(null)}
        onError={setActionError}
        onDeleted={() => {
          void message.success('批次已删除');
          navigate(BATCHES_PATH);
        }}
      />
    </>
  );
  const ownSubmission = data?.status === 'submitted' && canReview && data.submittedBy === session.user.id;

  return (
    <Page
      title={data?.title ?? '名单批次'}
      extra={extra ?? back}
      error={batch.error}
      onRetry={() => void batch.refetch()}
    >
      {actionError !== null && (
        <ActionError error={toApiError(actionError)} onClose={() => setActionError(null)} />
      )}
      {ownSubmission && (
        <Alert
          type="info"
          showIcon
          title="本批次由您提交：按审核回避（四眼）原则，须由另一位审核员通过或退回"
        />
      )}
      {data && <BatchHeader batch={data} />}
      <Flex justify="space-between" align="center">
        <Typography.Title level={5} style={{ margin: 0 }}>
          条目
        </Typography.Title>
      </Flex>
      {entries.error && <Alert type="error" showIcon title={entries.error.message} />}
      <Table<EntryView>
        rowKey="id"
        size="small"
        loading={entries.isFetching}
        dataSource={entries.data?.entries ?? []}
        columns={batchEntryColumns({
          batchStatus: data?.status ?? 'archived',
          canEdit,
          canReview,
          onEdit: setEditing,
          onAccept: setAccepting,
        })}
        pagination={page.pagination(entries.data?.total ?? 0)}
        onRow={entryRow}
        scroll={{ x: 'max-content' }}
      />
      {editing && data && (
        <EntryEditModal
          entry={editing}
          batchStatus={data.status}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            entryChanged();
            void message.success(data.status === 'submitted' ? '已保存，批次已退回草稿' : '已保存');
          }}
        />
      )}
      {accepting && (
        <ReasonModal
          title={`接受代码异常：${accepting.name}`}
          label="接受理由"
          schema={AcceptAnomaly.shape.reason}
          okText="接受"
          testId="accept-anomaly"
          notice={
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={`代码 ${accepting.code} 的校验位不符`}
              description="请核实该代码确为登记机关颁发（如早期试点代码），并记录依据。接受后该条目可以发布，理由记入审计日志。"
            />
          }
          onClose={() => setAccepting(null)}
          onSubmit={async (reason) => {
            await call(routes.entries.acceptAnomaly, { params: { id: accepting.id }, body: { reason } });
            setAccepting(null);
            entryChanged();
          }}
        />
      )}
    </Page>
  );
}
