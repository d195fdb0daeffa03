import type { ColumnsType } from 'antd/es/table';
import type { Hall } from '../../core/protocol/rest.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { ResourceTable } from '../common/resource/ResourceTable.js';
import { deleteAction, editAction } from '../common/resource/types.js';
import { call } from '../lib/client.js';
import { hallsQuery } from '../lib/queries.js';
import { formatDate } from '../lib/time.js';
import { hallForm } from './hallForm.js';
import { formatOpeningHours } from './openingHours.js';

const columns: ColumnsType<Hall> = [
  { title: '名称', dataIndex: 'name' },
  { title: '时区', dataIndex: 'timezone' },
  {
    title: '开放时间',
    key: 'openingHours',
    render: (_, hall) =>
      hall.openingHours.length
        ? formatOpeningHours(hall.openingHours).map((t) => (
            <div key={t} style={{ whiteSpace: 'nowrap' }}>
              {t}
            </div>
          ))
        : '未设置',
  },
  { title: '信用修复窗口说明', dataIndex: 'repairWindowText', render: (t: string) => t || '—' },
  { title: '创建时间', dataIndex: 'createdAt', render: (at: number) => formatDate(at) },
];

// A hall's name and timezone show in the screens list and in every previewed manifest.
const invalidates = [[routes.screens.list.path], [routes.preview.get.path]];

const actions = [
  editAction<Hall>(),
  deleteAction<Hall>({
    noun: '大厅',
    description: '仍有屏幕或分组属于该大厅时无法删除',
    remove: (id) => call(routes.halls.remove, { params: { id } }),
  }),
];

/** Halls: readable by every role, edited by system admins. */
export function HallsPage() {
  return (
    <ResourceTable
      variant="page"
      title="大厅"
      query={hallsQuery}
      invalidates={invalidates}
      columns={columns}
      permission="manage-system"
      create={{ label: '新建大厅', testId: 'hall-create' }}
      form={hallForm}
      actions={actions}
      emptyText={(canManage) => (canManage ? '还没有大厅，点击「新建大厅」添加' : '还没有大厅')}
    />
  );
}
