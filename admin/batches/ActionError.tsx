import { Alert } from 'antd';
import type { ApiError } from '../lib/api.js';

// Titles for the refusals a reviewer or editor meets most; the server's message says the rest.
const TITLES: Record<string, string> = {
  four_eyes: '不能审核自己提交的批次',
  forbidden: '当前角色无权执行此操作',
};

/** A refused batch action, in full, above the batch (a toast would be gone before it is read). */
export function ActionError({ error, onClose }: { error: ApiError; onClose: () => void }) {
  const title = TITLES[error.code] ?? (error.status === 409 ? '当前状态不能执行此操作' : '操作失败');
  return (
    <Alert
      type="error"
      showIcon
      closable={{ onClose }}
      title={title}
      description={error.message}
      data-testid="batch-action-error"
      data-code={error.code}
    />
  );
}
