import { Button, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { EntryView } from '../../core/protocol/credit.js';
import { batchPath } from '../batches/paths.js';
import { EntryCode, EntryName, EntryStatusCell, EntryWindow } from '../lists/entryCells.js';
import { FlagTags, ListTypeTag } from '../lists/tags.js';

export interface EntryPermissions {
  withdraw: boolean;
  edit: boolean;
  objection: boolean;
}

interface Options {
  can: EntryPermissions;
  onWithdraw: (entry: EntryView) => void;
  onCorrect: (entry: EntryView) => void;
  onObjection: (entry: EntryView) => void;
}

const live = (e: EntryView) => e.status === 'active' || e.status === 'objection-pending';

/** The row actions an entry allows in its state for this role (empty when none). */
export function entryActions(entry: EntryView, can: EntryPermissions) {
  const published = entry.batchStatus === 'published' || entry.batchStatus === 'archived';
  return {
    withdraw: can.withdraw && published && live(entry),
    correct: can.edit && published && live(entry),
    objection: can.objection && published && live(entry),
  };
}

/** 名单查询 results: masked values, category, batch, status with on-display badge, actions. */
export function entryColumns({ can, onWithdraw, onCorrect, onObjection }: Options): ColumnsType<EntryView> {
  const columns: ColumnsType<EntryView> = [
    { title: '名称', key: 'name', render: (_, e) => <EntryName entry={e} /> },
    { title: '代码/证件号', key: 'code', render: (_, e) => <EntryCode entry={e} /> },
    {
      title: '类别',
      key: 'category',
      render: (_, e) => (
        <Space size={4}>
          <ListTypeTag listType={e.listType} />
          {e.categoryName}
        </Space>
      ),
    },
    { title: '决定书文号', dataIndex: 'docNo' },
    { title: '公示期', key: 'window', render: (_, e) => <EntryWindow entry={e} /> },
    { title: '标记', key: 'flags', render: (_, e) => <FlagTags entry={e} /> },
    { title: '状态', key: 'status', render: (_, e) => <EntryStatusCell entry={e} /> },
    { title: '批次', key: 'batch', render: (_, e) => <a href={`#${batchPath(e.batchId)}`}>查看批次</a> },
  ];
  if (!can.withdraw && !can.edit && !can.objection) return columns;
  columns.push({
    title: '操作',
    key: 'actions',
    render: (_, entry) => {
      const allowed = entryActions(entry, can);
      return (
        <Space size={0}>
          {allowed.withdraw && (
            <Button
              type="link"
              size="small"
              danger
              onClick={() => onWithdraw(entry)}
              data-testid="entry-withdraw"
            >
              撤下
            </Button>
          )}
          {allowed.correct && (
            <Button type="link" size="small" onClick={() => onCorrect(entry)} data-testid="entry-correct">
              更正
            </Button>
          )}
          {allowed.objection && (
            <Button type="link" size="small" onClick={() => onObjection(entry)} data-testid="entry-objection">
              {entry.status === 'objection-pending' ? '解除异议' : '异议'}
            </Button>
          )}
        </Space>
      );
    },
  });
  return columns;
}
