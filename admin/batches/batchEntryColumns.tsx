import { Button, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { BatchStatus, EntryView } from '../../core/protocol/credit.js';
import { EntryCode, EntryName, EntryStatusCell, EntryWindow } from '../lists/entryCells.js';
import { FlagTags } from '../lists/tags.js';

interface Options {
  batchStatus: BatchStatus;
  canEdit: boolean;
  canReview: boolean;
  onEdit: (entry: EntryView) => void;
  onAccept: (entry: EntryView) => void;
}

const EDITABLE: readonly BatchStatus[] = ['draft', 'submitted'];
const ACCEPTABLE: readonly BatchStatus[] = ['draft', 'submitted', 'approved', 'rejected'];

/** A batch's entries: masked values, flags, status; edit and 接受代码异常 by role and state. */
export function batchEntryColumns(o: Options): ColumnsType<EntryView> {
  const canEditNow = o.canEdit && EDITABLE.includes(o.batchStatus);
  const canAcceptNow = o.canReview && ACCEPTABLE.includes(o.batchStatus);
  const columns: ColumnsType<EntryView> = [
    { title: '行号', dataIndex: 'rowNumber', width: 64, render: (n: number | null) => n ?? '—' },
    { title: '名称', key: 'name', render: (_, e) => <EntryName entry={e} /> },
    { title: '代码/证件号', key: 'code', render: (_, e) => <EntryCode entry={e} /> },
    {
      title: '事由',
      dataIndex: 'reason',
      width: 240,
      render: (reason: string) => (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: reason }}>{reason}</Typography.Paragraph>
      ),
    },
    { title: '决定书文号', dataIndex: 'docNo' },
    { title: '严重程度', dataIndex: 'severity', render: (s: string | null) => s ?? '—' },
    { title: '公示期', key: 'window', render: (_, e) => <EntryWindow entry={e} /> },
    { title: '标记', key: 'flags', render: (_, e) => <FlagTags entry={e} /> },
    { title: '状态', key: 'status', render: (_, e) => <EntryStatusCell entry={e} /> },
  ];
  if (!canEditNow && !canAcceptNow) return columns;
  columns.push({
    title: '操作',
    key: 'actions',
    render: (_, entry) => (
      <Space size={0}>
        {canEditNow && (
          <Button type="link" size="small" onClick={() => o.onEdit(entry)} data-testid="entry-edit">
            编辑
          </Button>
        )}
        {canAcceptNow && entry.codeAnomaly && !entry.anomalyAccepted && (
          <Button
            type="link"
            size="small"
            onClick={() => o.onAccept(entry)}
            data-testid="entry-accept-anomaly"
          >
            接受代码异常
          </Button>
        )}
      </Space>
    ),
  });
  return columns;
}
