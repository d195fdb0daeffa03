import { App } from 'antd';
import { useCallback } from 'react';
import { type ApiError, toApiError } from './api.js';

/** The server's message plus any field issues, as one block of text. */
export function describeError(err: ApiError) {
  if (err.issues.length === 0) return err.message;
  return (
    <>
      <div>{err.message}</div>
      <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
        {err.issues.map((issue) => (
          <li key={`${issue.path}:${issue.message}`}>{issue.message}</li>
        ))}
      </ul>
    </>
  );
}

/** Returns a function that shows a failed request's message in a notification. */
export function useNotifyError(): (err: unknown, title?: string) => void {
  const { notification } = App.useApp();
  return useCallback(
    (err: unknown, title = '操作失败') => {
      const e = toApiError(err);
      // An expired session sends the app back to the login page; no need to say it twice.
      if (e.status === 401 && e.code !== 'invalid_credentials') return;
      notification.error({ title, description: describeError(e), duration: 8 });
    },
    [notification],
  );
}
