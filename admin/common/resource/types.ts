import type { QueryKey, UseQueryOptions } from '@tanstack/react-query';
import type { TableProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import type { Action } from '../../../core/protocol/rest.js';
import type { ApiError } from '../../lib/api.js';

/** What a write did, for the table to show: the row as saved, the row gone, a message, a dialog after. */
export interface Outcome<T> {
  saved?: T;
  /** The id of a row that is gone. */
  removed?: string;
  message?: string;
  /** A dialog opened after the write, e.g. a secret shown once; `close` dismisses it. */
  reveal?: (close: () => void) => ReactNode;
}

/** A button in the 操作 column; with `confirm` it asks first. */
export interface RowAction<T> {
  key: string;
  label: string;
  testId?: string;
  danger?: boolean;
  /** Shown only for the rows where this holds. */
  when?: (row: T) => boolean;
  confirm?: { title: (row: T) => string; description?: string; okText: string; danger?: boolean };
  /** 'edit' opens the form on the row; a function writes and says what changed. */
  run: 'edit' | ((row: T) => Promise<Outcome<T>>);
  /** The notification's title when the write fails. */
  failTitle?: string;
  /** A 409 opens a dialog with this title and the server's message (it names what is in the way). */
  conflictTitle?: string;
}

/** The create/edit dialog of a resource; `record` is null when creating. */
export interface FormSpec<T, V> {
  title: (record: T | null) => string;
  width?: number;
  initialValues: (record: T | null) => Partial<V>;
  /** Fields that show the server's issues under them. */
  fields: readonly string[];
  submitTestId: string;
  submitText?: (record: T | null) => string;
  notice?: (record: T | null) => ReactNode;
  /** The Form.Items. */
  items: (record: T | null) => ReactNode;
  /** Sends the values; null keeps the dialog open without a change. */
  save: (values: V, record: T | null) => Promise<Outcome<T> | null>;
}

/** One simple CRUD resource as a table: what it lists, shows, edits and who may change it. */
export interface ResourceSpec<T extends { id: string }, V> {
  /** The list's query (admin/lib/queries.ts); the resource's writes update and invalidate it. */
  query: UseQueryOptions<T[], ApiError, T[], QueryKey>;
  /** Other queries the resource's writes change. */
  invalidates?: QueryKey[];
  columns: ColumnsType<T>;
  /** 'page' is a whole page with its title; 'tab' sits in a tab of another page. */
  variant: 'page' | 'tab';
  title?: string;
  /** Without it, create, edit and the row actions are hidden. */
  permission?: Action;
  create?: { label: string; testId: string };
  form?: FormSpec<T, V>;
  actions?: RowAction<T>[];
  /** The empty table's text, by whether the user may create. */
  emptyText?: (canManage: boolean) => string;
  /** data-testid of each row, and the data- attribute that carries its id. */
  row?: { testId: string; idAttribute: string };
  table?: Pick<TableProps<T>, 'scroll'>;
  /** Other lists the page reads: their load errors show too and retry reloads them. */
  related?: { error: ApiError | null; refetch: () => unknown }[];
}

/** The outcome of a form that saved a row: the row, and 已保存. */
export const saved = <T>(row: T): Outcome<T> => ({ saved: row, message: '已保存' });

/** 编辑, opening the form. */
export const editAction = <T>(testId?: string): RowAction<T> => ({
  key: 'edit',
  label: '编辑',
  testId,
  run: 'edit',
});

/** 删除 after a confirm; a 409 (still in use) shows the server's message in a dialog. */
export function deleteAction<T extends { id: string; name: string }>(o: {
  noun: string;
  description: string;
  remove: (id: string) => Promise<unknown>;
}): RowAction<T> {
  return {
    key: 'delete',
    label: '删除',
    danger: true,
    confirm: {
      title: (r) => `删除${o.noun}「${r.name}」？`,
      description: o.description,
      okText: '删除',
      danger: true,
    },
    run: async (r) => {
      await o.remove(r.id);
      return { removed: r.id, message: `已删除${o.noun}「${r.name}」` };
    },
    failTitle: '删除失败',
    conflictTitle: `无法删除该${o.noun}`,
  };
}

/** 删除 after 删除「name」？, for tables whose `remove` reports its own outcome (useRemove). */
export function confirmDelete<T extends { name: string }>(remove: (row: T) => Promise<void>): RowAction<T> {
  return {
    key: 'delete',
    label: '删除',
    danger: true,
    confirm: { title: (r) => `删除「${r.name}」？`, okText: '删除', danger: true },
    run: async (r) => {
      await remove(r);
      return {};
    },
  };
}
