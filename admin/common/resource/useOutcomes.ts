import { App } from 'antd';
import { type ReactNode, useState } from 'react';
import { toApiError } from '../../lib/api.js';
import { removeById, upsertById } from '../../lib/collections.js';
import { useNotifyError } from '../../lib/notify.js';
import type { Resource } from '../../lib/useResource.js';
import type { Outcome, RowAction } from './types.js';

/**
 * Applies what a write did to the rows (saved, removed, message, a dialog after), and runs row
 * actions: a failure shows in a notification, a 409 with a conflictTitle in a dialog.
 */
export function useOutcomes<T extends { id: string }>(rows: Resource<T[]>, onEdit: (row: T) => void) {
  const { message, modal } = App.useApp();
  const notifyError = useNotifyError();
  const [revealed, setRevealed] = useState<ReactNode>(null);

  const apply = (outcome: Outcome<T>) => {
    const { saved, removed } = outcome;
    if (saved) rows.setData((list) => upsertById(list, saved));
    if (removed) rows.setData((list) => removeById(list, removed));
    if (outcome.message) void message.success(outcome.message);
    if (outcome.reveal) setRevealed(outcome.reveal(() => setRevealed(null)));
  };

  const run = async (action: RowAction<T>, row: T) => {
    if (action.run === 'edit') return onEdit(row);
    try {
      apply(await action.run(row));
    } catch (err) {
      const e = toApiError(err);
      if (action.conflictTitle && e.status === 409)
        modal.error({ title: action.conflictTitle, content: e.message });
      else notifyError(e, action.failTitle);
    }
  };

  return { apply, run, revealed };
}
