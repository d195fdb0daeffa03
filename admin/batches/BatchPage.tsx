import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Table, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { AcceptAnomaly, type Batch, type EntryView } from '../../core/protocol/credit.js';
import { Page } from '../common/Page.js';
import { toApiError } from '../lib/api.js';
import { batchesApi, entriesApi } from '../lib/endpoints.js';
import { navigate } from '../lib/router.js';
import { useCan, useSession } from '../lib/session.js';
import { useResource } from '../lib/useResource.js';
import { entryRow } from '../lists/entryCells.js';
import { ReasonModal } from '../lists/ReasonModal.js';
import { usePaged } from '../lists/usePaged.js';
import { ActionError } from './ActionError.js';
import { BatchActions } from './BatchActions.js';
import { BatchHeader } from './BatchHeader.js';
import { batchEntryColumns } from './batchEntryColumns.js';
import { EntryEditModal } from './EntryEditModal.js';
import { BATCHES_PATH } from './paths.js';

/** One batch: header, role- and state-dependent actions, and its entries paged from the server. */
export function BatchPage({ batchId }: { batchId: string }) {
  const batch = useResource(useCallback(() => batchesApi.get(batchId), [batchId]));
  const loadEntries = useCallback(
    (page: { offset: number; limit: number }) =>
      batchesApi.entries(batchId, page).then((r) => ({ total: r.total, items: r.entries })),
    [batchId],
  );
  const entries = usePaged<EntryView>(loadEntries);
  const { session } = useSession();
  const canEdit = useCan('edit-lists');
  const canReview = useCan('review');
  const { message } = App.useApp();
  const [actionError, setActionError] = useState<unknown>(null);
  const [editing, setEditing] = useState<EntryView | null>(null);
  const [accepting, setAccepting] = useState<EntryView | null>(null);

  const changed = (next: Batch) => {
    batch.setData((current) => current && { ...current, ...next });
    setActionError(null);
    entries.reload();
  };
  const replaceEntry = (next: EntryView) => entries.update((e) => (e.id === next.id ? next : e));
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
        onChanged={changed}
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
    <Page title={data?.title ?? '名单批次'} extra={extra ?? back} error={batch.error} onRetry={batch.reload}>
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
        loading={entries.loading}
        dataSource={entries.items}
        columns={batchEntryColumns({
          batchStatus: data?.status ?? 'archived',
          canEdit,
          canReview,
          onEdit: setEditing,
          onAccept: setAccepting,
        })}
        pagination={entries.pagination}
        onRow={entryRow}
        scroll={{ x: 'max-content' }}
      />
      {editing && data && (
        <EntryEditModal
          entry={editing}
          batchStatus={data.status}
          onClose={() => setEditing(null)}
          onSaved={(entry) => {
            setEditing(null);
            replaceEntry(entry);
            batch.reload();
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
            replaceEntry(await entriesApi.acceptAnomaly(accepting.id, reason));
            setAccepting(null);
            batch.reload();
          }}
        />
      )}
    </Page>
  );
}
