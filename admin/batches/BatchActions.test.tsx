import '../lists/testDom.js';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BatchDetail, BatchStatus } from '../../core/protocol/credit.js';
import type { Role } from '../../core/protocol/rest.js';
import { startRealServer } from '../lib/realServer.js';
import { testSession, WithSession } from '../lists/testSession.js';
import { BatchActions } from './BatchActions.js';

function batch(status: BatchStatus): BatchDetail {
  return {
    id: 'b1',
    title: '2026年第四季度 — 失信被执行人',
    unitId: 'u1',
    unitName: '市中级人民法院',
    categoryId: 'c1',
    categoryName: '失信被执行人',
    listType: 'black',
    status,
    sourceName: '名单.xlsx',
    entries: 12,
    anomalies: 0,
    createdBy: 'user-list-editor',
    createdAt: 0,
    submittedBy: status === 'draft' ? null : 'user-reviewer',
    submittedAt: status === 'draft' ? null : 1,
    reviewedBy: null,
    reviewedAt: null,
    reviewComment: null,
    publishedAt: null,
    onDisplay: 0,
  };
}

const ACTIONS = ['batch-submit', 'batch-approve', 'batch-reject', 'batch-publish', 'batch-delete'];

function shown(role: Role, status: BatchStatus): string[] {
  render(
    <WithSession session={testSession(role)}>
      <BatchActions batch={batch(status)} onChanged={vi.fn()} onDeleted={vi.fn()} onError={vi.fn()} />
    </WithSession>,
  );
  const ids = ACTIONS.filter((id) => screen.queryByTestId(id));
  cleanup();
  return ids;
}

let server: Awaited<ReturnType<typeof startRealServer>>;
beforeAll(async () => {
  server = await startRealServer();
});
afterAll(() => server.close());
afterEach(cleanup);

// The four-eyes refusal from the real server is in BatchPage.test.tsx.
describe('BatchActions by role and state', { timeout: 20_000 }, () => {
  it('offers each role only what it may do now', () => {
    expect(shown('list-editor', 'draft')).toEqual(['batch-submit', 'batch-delete']);
    expect(shown('list-editor', 'submitted')).toEqual([]);
    expect(shown('reviewer', 'draft')).toEqual([]);
    expect(shown('reviewer', 'submitted')).toEqual(['batch-approve', 'batch-reject']);
    expect(shown('reviewer', 'approved')).toEqual(['batch-publish']);
    expect(shown('list-editor', 'rejected')).toEqual(['batch-submit', 'batch-delete']);
    // No administrator acts on a batch.
    for (const role of ['sysadmin', 'secadmin', 'auditor'] as const)
      for (const status of ['draft', 'submitted', 'approved'] as const)
        expect(shown(role, status)).toEqual([]);
    expect(shown('operator', 'submitted')).toEqual([]);
    expect(shown('publicity', 'approved')).toEqual([]);
    expect(shown('reviewer', 'published')).toEqual([]);
  });

  it('requires a comment to reject', async () => {
    render(
      <WithSession session={testSession('reviewer')}>
        <BatchActions batch={batch('submitted')} onChanged={vi.fn()} onDeleted={vi.fn()} onError={vi.fn()} />
      </WithSession>,
    );
    server.sent.length = 0;
    fireEvent.click(screen.getByTestId('batch-reject'));
    fireEvent.click(await screen.findByTestId('reject-submit'));
    expect(await screen.findByText('请填写退回意见')).toBeTruthy();
    expect(server.sent).toEqual([]);
  });
});
