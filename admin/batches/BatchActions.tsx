import { useQueryClient } from '@tanstack/react-query';
import { Button, Popconfirm } from 'antd';
import { useState } from 'react';
import { z } from 'zod';
import { type BatchDetail, RejectRequest } from '../../core/protocol/credit.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { call } from '../lib/client.js';
import { useCan } from '../lib/session.js';
import { ReasonModal } from '../lists/ReasonModal.js';
import { batchChanged, batchPublished, batchRemoved } from './batchCache.js';

interface Props {
  batch: BatchDetail;
  /** After a step succeeded (the cache already holds the new state). */
  onChanged: () => void;
  onDeleted: () => void;
  onError: (err: unknown) => void;
}

const ApproveComment = z.string().max(1000);

/** What this role may do with the batch in its current state; nothing else is shown. */
export function BatchActions({ batch, onChanged, onDeleted, onError }: Props) {
  const canEdit = useCan('edit-lists');
  const canReview = useCan('review');
  const [dialog, setDialog] = useState<'approve' | 'reject' | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const client = useQueryClient();
  const { status } = batch;
  const params = { id: batch.id };

  const run = async (name: string, action: () => Promise<void>) => {
    setBusy(name);
    try {
      await action();
    } catch (err) {
      onError(err);
    } finally {
      setBusy(null);
    }
  };
  const submit = () =>
    run('submit', async () => {
      batchChanged(client, await call(routes.batches.submit, { params }));
      onChanged();
    });
  const publish = () =>
    run('publish', async () => {
      batchPublished(client, await call(routes.batches.publish, { params }));
      onChanged();
    });
  const remove = () =>
    run('delete', async () => {
      await call(routes.batches.remove, { params });
      batchRemoved(client);
      onDeleted();
    });

  return (
    <>
      {canEdit && (status === 'draft' || status === 'rejected') && (
        <Button
          type="primary"
          loading={busy === 'submit'}
          onClick={() => void submit()}
          data-testid="batch-submit"
        >
          提交审核
        </Button>
      )}
      {canReview && status === 'submitted' && (
        <>
          <Button type="primary" onClick={() => setDialog('approve')} data-testid="batch-approve">
            通过
          </Button>
          <Button danger onClick={() => setDialog('reject')} data-testid="batch-reject">
            退回
          </Button>
        </>
      )}
      {canReview && status === 'approved' && (
        <Popconfirm
          title={`发布「${batch.title}」？`}
          description={`发布后 ${batch.entries} 条名单立即推送到所有大厅屏幕，在各自公示期内显示`}
          okText="发布"
          onConfirm={publish}
        >
          <Button type="primary" loading={busy === 'publish'} data-testid="batch-publish">
            发布
          </Button>
        </Popconfirm>
      )}
      {canEdit && (status === 'draft' || status === 'rejected') && (
        <Popconfirm
          title="删除这个批次？"
          description="批次及其全部条目将被删除，不可恢复"
          okText="删除"
          okButtonProps={{ danger: true }}
          onConfirm={remove}
        >
          <Button danger loading={busy === 'delete'} data-testid="batch-delete">
            删除
          </Button>
        </Popconfirm>
      )}
      {dialog === 'approve' && (
        <ReasonModal
          title="审核通过"
          label="审核意见（可选）"
          schema={ApproveComment}
          okText="通过"
          testId="approve"
          onClose={() => setDialog(null)}
          onSubmit={async (comment) => {
            const body = comment ? { comment } : {};
            batchChanged(client, await call(routes.batches.approve, { params, body }));
            onChanged();
            setDialog(null);
          }}
        />
      )}
      {dialog === 'reject' && (
        <ReasonModal
          title="退回批次"
          label="退回意见"
          schema={RejectRequest.shape.comment}
          okText="退回"
          danger
          testId="reject"
          onClose={() => setDialog(null)}
          onSubmit={async (comment) => {
            batchChanged(client, await call(routes.batches.reject, { params, body: { comment } }));
            onChanged();
            setDialog(null);
          }}
        />
      )}
    </>
  );
}
