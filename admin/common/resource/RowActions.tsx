import { Button, Popconfirm, Space } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { RowAction } from './types.js';

interface Props<T> {
  row: T;
  actions: RowAction<T>[];
  onRun: (action: RowAction<T>, row: T) => Promise<void>;
}

/** The 操作 cell: the row's actions as link buttons, a confirm before those that ask. */
export function RowActions<T>({ row, actions, onRun }: Props<T>) {
  const shown = actions.filter((a) => !a.when || a.when(row));
  const buttons = shown.map((a) => {
    const button = (
      <Button
        key={a.key}
        type="link"
        size="small"
        danger={a.danger}
        onClick={a.confirm ? undefined : () => void onRun(a, row)}
        data-testid={a.testId}
      >
        {a.label}
      </Button>
    );
    if (!a.confirm) return button;
    return (
      <Popconfirm
        key={a.key}
        title={a.confirm.title(row)}
        description={a.confirm.description}
        okText={a.confirm.okText}
        okButtonProps={a.confirm.danger ? { danger: true } : undefined}
        onConfirm={() => onRun(a, row)}
      >
        {button}
      </Popconfirm>
    );
  });
  if (buttons.length === 1) return buttons[0];
  return buttons.length ? <Space size={0}>{buttons}</Space> : null;
}

/** The 操作 column of a table, its buttons from `actions`; `onRun` does what one asks. */
export function actionsColumn<T>(
  actions: RowAction<T>[],
  onRun: (action: RowAction<T>, row: T) => Promise<void>,
): ColumnType<T> {
  return {
    title: '操作',
    key: 'actions',
    render: (_, row) => <RowActions row={row} actions={actions} onRun={onRun} />,
  };
}

/** For tables outside ResourceTable: 编辑 calls `onEdit`, any other action runs itself. */
export function editOrRun<T>(onEdit: (row: T) => void) {
  return async (action: RowAction<T>, row: T) => {
    if (action.run === 'edit') onEdit(row);
    else await action.run(row);
  };
}
