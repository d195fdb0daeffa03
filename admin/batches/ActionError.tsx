import { Alert } from 'antd';
import type { ApiError } from '../lib/api.js';
import { refusalTitle } from '../lib/errorActions.js';

/** A refused batch action, in full, above the batch (a toast would be gone before it is read). */
export function ActionError({ error, onClose }: { error: ApiError; onClose: () => void }) {
  // The refusals a reviewer or editor meets most have a title (lib/errorActions.ts); the server's message says the rest.
  const title = refusalTitle(error.code) ?? (error.status === 409 ? '当前状态不能执行此操作' : '操作失败');
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
