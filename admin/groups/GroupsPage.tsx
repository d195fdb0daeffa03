import { useQuery } from '@tanstack/react-query';
import { Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Group } from '../../core/protocol/rest.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { ResourceTable } from '../common/resource/ResourceTable.js';
import { deleteAction, editAction } from '../common/resource/types.js';
import { call } from '../lib/client.js';
import { namesById } from '../lib/collections.js';
import { groupsQuery, hallsQuery, playlistsQuery } from '../lib/queries.js';
import { groupForm } from './groupForm.js';

const muted = (text: string) => <Typography.Text type="secondary">{text}</Typography.Text>;

function columns(hallNames: Map<string, string>, playlistNames: Map<string, string>): ColumnsType<Group> {
  return [
    { title: '名称', dataIndex: 'name' },
    { title: '大厅', dataIndex: 'hallId', render: (id: string) => hallNames.get(id) ?? muted('—') },
    {
      title: '默认节目单',
      dataIndex: 'defaultPlaylistId',
      render: (id: string | null) =>
        id ? (playlistNames.get(id) ?? muted('已删除的节目单')) : muted('未设置'),
    },
    { title: '屏幕数', dataIndex: 'screens' },
    {
      title: '老旧设备',
      dataIndex: 'oldBoxes',
      render: (old?: boolean) => (old ? <Tag color="orange">仅 MP4 视频</Tag> : muted('—')),
    },
  ];
}

// A group's name shows in the screens list, its default playlist in the playlists' usage and
// in the previewed manifests.
const invalidates = [[routes.screens.list.path], [routes.playlists.list.path], [routes.preview.get.path]];

const actions = [
  editAction<Group>(),
  deleteAction<Group>({
    noun: '分组',
    description: '分组内仍有屏幕时无法删除',
    remove: (id) => call(routes.groups.remove, { params: { id } }),
  }),
];

/** Screen groups: readable by every role, edited by system admins. */
export function GroupsPage() {
  const halls = useQuery(hallsQuery);
  const playlists = useQuery(playlistsQuery);
  return (
    <ResourceTable
      variant="page"
      title="屏幕分组"
      query={groupsQuery}
      invalidates={invalidates}
      columns={columns(namesById(halls.data), namesById(playlists.data))}
      permission="manage-system"
      create={{ label: '新建分组', testId: 'group-create' }}
      form={groupForm(halls.data ?? [], playlists.data ?? [])}
      actions={actions}
      emptyText={(canManage) => (canManage ? '还没有分组，点击「新建分组」添加' : '还没有分组')}
      related={[halls, playlists]}
    />
  );
}
