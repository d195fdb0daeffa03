import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { type ReactNode, useState } from 'react';
import { dropFromList, putInList } from '../../lib/cache.js';
import { useShowFailure } from '../../lib/notify.js';
import type { Outcome, RowAction } from './types.js';

type Write<T> = () => Promise<Outcome<T> | null>;

/**
 * Runs a resource's writes as mutations: the saved or removed row goes into the list's cache
 * at once and the list (and what else it changes) is invalidated; then the message or the
 * dialog after. Row actions that fail show a notification, a 409 with a conflictTitle a dialog.
 */
export function useOutcomes<T extends { id: string }>(
  key: QueryKey,
  invalidates: QueryKey[],
  onEdit: (row: T) => void,
) {
  const client = useQueryClient();
  const { message } = App.useApp();
  const showFailure = useShowFailure();
  const [revealed, setRevealed] = useState<ReactNode>(null);
  const mutation = useMutation({
    mutationFn: (write: Write<T>) => write(),
    onSuccess: (outcome) => {
      if (!outcome) return;
      const { saved, removed } = outcome;
      if (saved) putInList(client, key, saved);
      if (removed) dropFromList<T>(client, key, removed);
      for (const queryKey of [key, ...invalidates]) void client.invalidateQueries({ queryKey });
    },
  });

  /** Runs a write; a throw reaches the caller (the form keeps what was typed). */
  const write = async (run: Write<T>) => {
    const outcome = await mutation.mutateAsync(run);
    if (outcome?.message) void message.success(outcome.message);
    if (outcome?.reveal) setRevealed(outcome.reveal(() => setRevealed(null)));
    return outcome;
  };

  const runAction = async (action: RowAction<T>, row: T) => {
    const run = action.run;
    if (run === 'edit') return onEdit(row);
    try {
      await write(() => run(row));
    } catch (err) {
      showFailure(err, action.failTitle ?? '操作失败', action.conflictTitle);
    }
  };

  return { write, runAction, revealed };
}
