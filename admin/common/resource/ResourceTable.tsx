import { useQuery } from '@tanstack/react-query';
import { Alert, Empty, Flex, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useCan } from '../../lib/session.js';
import { CreateButton } from '../CreateButton.js';
import { Page } from '../Page.js';
import { rowAttrs } from '../rowAttrs.js';
import { ResourceForm } from './ResourceForm.js';
import { actionsColumn } from './RowActions.js';
import type { ResourceSpec, RowAction } from './types.js';
import { useOutcomes } from './useOutcomes.js';

/** A simple CRUD resource: its table, create button, form dialog and row actions, from its spec. */
export function ResourceTable<T extends { id: string }, V extends object>(spec: ResourceSpec<T, V>) {
  const rows = useQuery(spec.query);
  const allowed = useCan(spec.permission ?? 'view');
  const canManage = spec.permission === undefined || allowed;
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const { write, runAction, revealed } = useOutcomes<T>(
    spec.query.queryKey,
    spec.invalidates ?? [],
    setEditing,
  );

  const create = canManage && spec.create && (
    <CreateButton {...spec.create} onClick={() => setEditing('new')} />
  );
  const rowIds = spec.row;
  const table = (
    <Table<T>
      rowKey="id"
      size={spec.variant === 'tab' ? 'small' : undefined}
      loading={rows.isPending}
      dataSource={rows.data ?? []}
      columns={withActions(spec.columns, canManage ? spec.actions : undefined, runAction)}
      pagination={spec.variant === 'tab' ? false : { hideOnSinglePage: true }}
      scroll={spec.table?.scroll}
      locale={spec.emptyText && { emptyText: <Empty description={spec.emptyText(canManage)} /> }}
      onRow={rowIds && ((row) => rowAttrs(rowIds.testId, { [rowIds.idAttribute]: row.id }))}
    />
  );
  const dialogs = (
    <>
      {editing && spec.form && (
        <ResourceForm<T, V>
          form={spec.form}
          record={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          write={write}
          onSaved={() => setEditing(null)}
        />
      )}
      {revealed}
    </>
  );

  if (spec.variant === 'tab') {
    return (
      <Flex vertical gap={16}>
        {rows.error && <Alert type="error" showIcon title={rows.error.message} />}
        {create && <Flex>{create}</Flex>}
        {table}
        {dialogs}
      </Flex>
    );
  }
  const related = spec.related ?? [];
  const retry = () => {
    void rows.refetch();
    for (const r of related) r.refetch();
  };
  return (
    <Page
      title={spec.title ?? ''}
      extra={create}
      error={rows.error ?? related.find((r) => r.error)?.error}
      onRetry={retry}
    >
      {table}
      {dialogs}
    </Page>
  );
}

/** The spec's columns, then 操作 when there are actions. */
function withActions<T>(
  columns: ColumnsType<T>,
  actions: RowAction<T>[] | undefined,
  run: (action: RowAction<T>, row: T) => Promise<void>,
): ColumnsType<T> {
  if (!actions?.length) return columns;
  return [...columns, actionsColumn(actions, run)];
}
