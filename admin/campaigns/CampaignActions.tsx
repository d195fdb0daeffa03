import { App, Button, Input, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import type { Campaign } from '../../core/protocol/programs.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { call } from '../lib/client.js';
import { useNotifyError } from '../lib/notify.js';
import { useCan, useSession } from '../lib/session.js';

interface Props {
  campaign: Campaign;
  onEdit: (c: Campaign) => void;
  onChanged: (c: Campaign | null) => void;
}

/** What the signed-in role may do with a campaign in its state (the server checks again). */
export function CampaignActions({ campaign: c, onEdit, onChanged }: Props) {
  const canManage = useCan('manage-programs');
  const canReview = useCan('review');
  const { session } = useSession();
  const { message, modal } = App.useApp();
  const notifyError = useNotifyError();
  const [busy, setBusy] = useState(false);
  const params = { id: c.id };
  const run = async (what: string, fn: () => Promise<Campaign | null>) => {
    setBusy(true);
    try {
      onChanged(await fn());
      void message.success(what);
    } catch (err) {
      notifyError(err, `${what}失败`);
    } finally {
      setBusy(false);
    }
  };
  const reject = () => {
    let comment = '';
    modal.confirm({
      title: `退回「${c.name}」`,
      content: (
        <Input.TextArea
          rows={3}
          placeholder="退回理由（必填）"
          onChange={(e) => (comment = e.target.value)}
        />
      ),
      okText: '退回',
      onOk: () => run('已退回', () => call(routes.campaigns.reject, { params, body: { comment } })),
    });
  };
  const own = c.submittedBy === session.user.id;
  return (
    <Space size={0} wrap>
      {canManage && (
        <Button type="link" size="small" onClick={() => onEdit(c)}>
          编辑
        </Button>
      )}
      {canManage && (c.status === 'draft' || c.status === 'rejected') && (
        <Button
          type="link"
          size="small"
          loading={busy}
          onClick={() => run('已提交审核', () => call(routes.campaigns.submit, { params }))}
        >
          提交审核
        </Button>
      )}
      {canReview && c.status === 'submitted' && (
        <Button
          type="link"
          size="small"
          disabled={own}
          title={own ? '不能批准自己提交的活动' : undefined}
          loading={busy}
          onClick={() =>
            run('已批准，屏幕将自动更新', () => call(routes.campaigns.approve, { params, body: {} }))
          }
        >
          批准
        </Button>
      )}
      {canReview && c.status === 'submitted' && (
        <Button type="link" size="small" onClick={reject}>
          退回
        </Button>
      )}
      {canManage && c.approved && (
        <Popconfirm
          title="从屏幕上撤下已批准的版本？"
          okText="撤下"
          onConfirm={() => run('已撤下', () => call(routes.campaigns.withdraw, { params }))}
        >
          <Button type="link" size="small">
            撤下
          </Button>
        </Popconfirm>
      )}
      {canManage && (
        <Popconfirm
          title={`删除「${c.name}」？`}
          okText="删除"
          okButtonProps={{ danger: true }}
          onConfirm={() =>
            run('已删除', async () => {
              await call(routes.campaigns.remove, { params });
              return null;
            })
          }
        >
          <Button type="link" size="small" danger>
            删除
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
