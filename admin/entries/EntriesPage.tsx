import { StopOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Input, Select, Table } from 'antd';
import { useCallback, useState } from 'react';
import type { ListType } from '../../core/credit/dataset.js';
import { ENTRY_STATUS_LABELS, type EntryStatus, type EntryView } from '../../core/protocol/credit.js';
import { batchPath } from '../batches/paths.js';
import { Page } from '../common/Page.js';
import { entriesApi } from '../lib/endpoints.js';
import { navigate } from '../lib/router.js';
import { useCan } from '../lib/session.js';
import { entryRow } from '../lists/entryCells.js';
import { LIST_TYPE_LABELS } from '../lists/tags.js';
import { usePaged } from '../lists/usePaged.js';
import { CorrectModal } from './CorrectModal.js';
import { entryColumns } from './entryColumns.js';
import { ObjectionModal } from './ObjectionModal.js';
import { WithdrawModal } from './WithdrawModal.js';

type Dialog =
  | { kind: 'withdraw'; entry: EntryView | null }
  | { kind: 'correct'; entry: EntryView }
  | { kind: 'objection'; entry: EntryView };

const STATUS_OPTIONS = (Object.keys(ENTRY_STATUS_LABELS) as EntryStatus[]).map((s) => ({
  value: s,
  label: ENTRY_STATUS_LABELS[s],
}));
const LIST_TYPE_OPTIONS = (['red', 'black'] as const).map((t) => ({ value: t, label: LIST_TYPE_LABELS[t] }));

/** 名单查询: find an entry by name or code, then withdraw, correct or mark an objection. */
export function EntriesPage() {
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<EntryStatus>();
  const [listType, setListType] = useState<ListType>();
  const load = useCallback(
    (page: { offset: number; limit: number }) =>
      entriesApi
        .search({ q: q || undefined, status, listType, ...page })
        .then((r) => ({ total: r.total, items: r.entries })),
    [q, status, listType],
  );
  const entries = usePaged<EntryView>(load);
  const can = {
    withdraw: useCan('withdraw-entries'),
    edit: useCan('edit-lists'),
    objection: useCan('set-objection'),
  };
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);

  const extra = can.withdraw && (
    <Button
      danger
      icon={<StopOutlined />}
      onClick={() => setDialog({ kind: 'withdraw', entry: null })}
      data-testid="withdraw-by-code"
    >
      按代码撤下
    </Button>
  );
  return (
    <Page title="名单查询" extra={extra} error={entries.error} onRetry={entries.reload}>
      <Flex gap={8} wrap>
        <Input.Search
          placeholder="名称、统一社会信用代码或身份证号"
          allowClear
          enterButton="查询"
          onSearch={(value) => setQ(value.trim())}
          style={{ maxWidth: 420 }}
          data-testid="entry-search-input"
        />
        <Select
          placeholder="状态"
          allowClear
          options={STATUS_OPTIONS}
          value={status}
          onChange={setStatus}
          style={{ width: 140 }}
        />
        <Select
          placeholder="红榜/黑榜"
          allowClear
          options={LIST_TYPE_OPTIONS}
          value={listType}
          onChange={setListType}
          style={{ width: 120 }}
        />
      </Flex>
      <Table<EntryView>
        rowKey="id"
        size="small"
        loading={entries.loading}
        dataSource={entries.items}
        columns={entryColumns({
          can,
          onWithdraw: (entry) => setDialog({ kind: 'withdraw', entry }),
          onCorrect: (entry) => setDialog({ kind: 'correct', entry }),
          onObjection: (entry) => setDialog({ kind: 'objection', entry }),
        })}
        pagination={entries.pagination}
        locale={{ emptyText: <Empty description={q ? '没有找到匹配的条目' : '没有条目'} /> }}
        onRow={entryRow}
        scroll={{ x: 'max-content' }}
      />
      {dialog?.kind === 'withdraw' && (
        <WithdrawModal entry={dialog.entry} onClose={close} onDone={entries.reload} />
      )}
      {dialog?.kind === 'correct' && (
        <CorrectModal
          entry={dialog.entry}
          onClose={close}
          onCorrected={(batch) => {
            close();
            void message.success('原条目已撤下，更正内容已生成草稿批次，请提交审核');
            navigate(batchPath(batch.id));
          }}
        />
      )}
      {dialog?.kind === 'objection' && (
        <ObjectionModal
          entry={dialog.entry}
          onClose={close}
          onSaved={(entry) => {
            close();
            entries.update((e) => (e.id === entry.id ? entry : e));
          }}
        />
      )}
    </Page>
  );
}
