import { describe, expect, it } from 'vitest';
import type { EntryView } from '../../core/protocol/credit.js';
import { entryActions } from './entryColumns.js';

const entry = (over: Partial<EntryView>) =>
  ({ status: 'active', batchStatus: 'published', ...over }) as EntryView;
const all = { withdraw: true, edit: true, objection: true };

describe('entryActions', () => {
  it('allows withdraw, correct and objection on a live published entry', () => {
    expect(entryActions(entry({}), all)).toEqual({ withdraw: true, correct: true, objection: true });
    expect(entryActions(entry({ status: 'objection-pending' }), all).objection).toBe(true);
  });

  it('hides them for roles without the action, and for entries no longer live or not yet published', () => {
    expect(entryActions(entry({}), { withdraw: false, edit: false, objection: false })).toEqual({
      withdraw: false,
      correct: false,
      objection: false,
    });
    expect(entryActions(entry({ status: 'withdrawn' }), all).withdraw).toBe(false);
    expect(entryActions(entry({ batchStatus: 'draft' }), all).correct).toBe(false);
  });
});
