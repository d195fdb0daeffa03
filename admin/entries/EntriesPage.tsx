import { StopOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Flex, Input, Select, Table } from 'antd';
import { useState } from 'react';
import type { ListType } from '../../core/credit/dataset.js';
import { ENTRY_STATUS_LABELS, type EntryStatus, type EntryView } from '../../core/protocol/credit.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { batchCreated } from '../batches/batchCache.js';
import { batchPath } from '../batches/paths.js';
import { Page } from '../common/Page.js';
import { routeQuery } from '../lib/client.js';
import { navigate } from '../lib/router.js';
import { useCan } from '../lib/session.js';
import { entryRow } from '../lists/entryCells.js';
import { useTablePage } from '../lists/tablePage.js';
import { LIST_TYPE_LABELS } from '../lists/tags.js';
import { CorrectModal } from './CorrectModal.js';
import { entriesChanged } from './entryCache.js';
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
  const page = useTablePage();
  const entries = useQuery({
    ...routeQuery(routes.entries.search, { query: { q, status, listType, ...page.query } }),
    placeholderData: keepPreviousData,
  });
  const client = useQueryClient();
  // A new filter starts again from page 1.
  const filtered =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      page.first();
    };
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
    <Page title="名单查询" extra={extra} error={entries.error} onRetry={() => void entries.refetch()}>
      <Flex gap={8} wrap>
        <Input.Search
          placeholder="名称、统一社会信用代码或身份证号"
          allowClear
          enterButton="查询"
          onSearch={(value) => filtered(setQ)(value.trim())}
          style={{ maxWidth: 420 }}
          data-testid="entry-search-input"
        />
        <Select
          placeholder="状态"
          allowClear
          options={STATUS_OPTIONS}
          value={status}
          onChange={filtered(setStatus)}
          style={{ width: 140 }}
        />
        <Select
          placeholder="红榜/黑榜"
          allowClear
          options={LIST_TYPE_OPTIONS}
          value={listType}
          onChange={filtered(setListType)}
          style={{ width: 120 }}
        />
      </Flex>
      <Table<EntryView>
        rowKey="id"
        size="small"
        loading={entries.isFetching}
        dataSource={entries.data?.entries ?? []}
        columns={entryColumns({
          can,
          onWithdraw: (entry) => setDialog({ kind: 'withdraw', entry }),
          onCorrect: (entry) => setDialog({ kind: 'correct', entry }),
          onObjection: (entry) => setDialog({ kind: 'objection', entry }),
        })}
        pagination={page.pagination(entries.data?.total ?? 0)}
        locale={{ emptyText: <Empty description={q ? '没有找到匹配的条目' : '没有条目'} /> }}
        onRow={entryRow}
        scroll={{ x: 'max-content' }}
      />
      {dialog?.kind === 'withdraw' && (
        <WithdrawModal
          entry={dialog.entry}
          onClose={close}
          onDone={() => entriesChanged(client, { takedown: true })}
        />
      )}
      {dialog?.kind === 'correct' && (
        <CorrectModal
          entry={dialog.entry}
          onClose={close}
          onCorrected={(batch) => {
            close();
            entriesChanged(client, { batchId: dialog.entry.batchId, takedown: true });
            batchCreated(client, batch);
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
            entriesChanged(client, { batchId: entry.batchId, takedown: false });
          }}
        />
      )}
    </Page>
  );
}
