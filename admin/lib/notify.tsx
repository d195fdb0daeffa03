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

/**
 * Returns a function that shows a failed write: with `refusedTitle`, a 409 (the thing is still
 * in use; the server's message says by what) opens a dialog; anything else is a notification.
 */
export function useShowFailure(): (err: unknown, title: string, refusedTitle?: string) => void {
  const { modal } = App.useApp();
  const notifyError = useNotifyError();
  return useCallback(
    (err: unknown, title: string, refusedTitle?: string) => {
      const e = toApiError(err);
      if (refusedTitle && e.status === 409) modal.error({ title: refusedTitle, content: e.message });
      else notifyError(e, title);
    },
    [modal, notifyError],
  );
}

/** Returns a function that deletes something the user confirmed, then says so or why not. */
export function useRemove() {
  const { message } = App.useApp();
  const showFailure = useShowFailure();
  return useCallback(
    async (o: { remove: () => Promise<unknown>; done: string; refusedTitle: string; after: () => void }) => {
      try {
        await o.remove();
        o.after();
        void message.success(o.done);
      } catch (err) {
        showFailure(err, '删除失败', o.refusedTitle);
      }
    },
    [message, showFailure],
  );
}
