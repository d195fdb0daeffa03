import { Alert } from 'antd';
import { type EntryView, ObjectionRequest } from '../../core/protocol/credit.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { call } from '../lib/client.js';
import { ReasonModal } from '../lists/ReasonModal.js';

interface Props {
  entry: EntryView;
  onClose: () => void;
  onSaved: (entry: EntryView) => void;
}

/** Marks an objection as pending (异议处理中), or clears it, with a reason. */
export function ObjectionModal({ entry, onClose, onSaved }: Props) {
  const pending = entry.status !== 'objection-pending';
  return (
    <ReasonModal
      title={pending ? `登记异议：${entry.name}` : `解除异议：${entry.name}`}
      label={pending ? '异议登记说明' : '解除说明（如：异议不成立，维持原认定）'}
      schema={ObjectionRequest.shape.reason}
      okText={pending ? '登记异议' : '解除异议'}
      testId="objection"
      notice={
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            pending
              ? '异议处理期间，是否继续上屏由名单类别的异议策略决定（默认继续显示，可设为暂停显示）'
              : '解除后条目恢复为有效；异议成立需撤下时请使用「撤下」并选择「异议成立」'
          }
        />
      }
      onClose={onClose}
      onSubmit={async (reason) =>
        onSaved(await call(routes.entries.objection, { params: { id: entry.id }, body: { pending, reason } }))
      }
    />
  );
}
