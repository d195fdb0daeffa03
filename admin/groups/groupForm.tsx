import { Alert, Form, Select, Switch } from 'antd';
import type { PlaylistInfo } from '../../core/protocol/programs.js';
import type { Group, GroupInput, Hall } from '../../core/protocol/rest.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { NameField } from '../common/NameField.js';
import { type FormSpec, saved } from '../common/resource/types.js';
import { call } from '../lib/client.js';

interface Values {
  name: string;
  hallId: string;
  defaultPlaylistId?: string | null;
  oldBoxes?: boolean;
}

/** Creates or edits a screen group: 名称, 大厅, 默认节目单. */
export function groupForm(halls: Hall[], playlists: PlaylistInfo[]): FormSpec<Group, Values> {
  return {
    title: (group) => (group ? `编辑分组：${group.name}` : '新建屏幕分组'),
    initialValues: (group) =>
      group
        ? {
            name: group.name,
            hallId: group.hallId,
            defaultPlaylistId: group.defaultPlaylistId,
            oldBoxes: group.oldBoxes ?? false,
          }
        : { hallId: halls.length === 1 ? halls[0]?.id : undefined, defaultPlaylistId: null, oldBoxes: false },
    fields: ['name', 'hallId', 'defaultPlaylistId', 'oldBoxes'],
    submitTestId: 'group-submit',
    items: () => <GroupFields halls={halls} playlists={playlists} />,
    save: async (values, group) => {
      const body: GroupInput = {
        name: values.name.trim(),
        hallId: values.hallId,
        defaultPlaylistId: values.defaultPlaylistId ?? null,
        oldBoxes: values.oldBoxes ?? false,
      };
      return saved(
        group
          ? await call(routes.groups.update, { params: { id: group.id }, body })
          : await call(routes.groups.create, { body }),
      );
    },
  };
}

function GroupFields({ halls, playlists }: { halls: Hall[]; playlists: PlaylistInfo[] }) {
  return (
    <>
      {halls.length === 0 && (
        <Alert
          type="warning"
          showIcon
          title="还没有大厅：请先在「大厅」页面创建"
          style={{ marginBottom: 16 }}
        />
      )}
      <NameField message="请输入分组名称" placeholder="例如：一楼等候区" testId="group-name-input" />
      <Form.Item label="大厅" name="hallId" rules={[{ required: true, message: '请选择大厅' }]}>
        <Select options={halls.map((h) => ({ value: h.id, label: h.name }))} placeholder="选择大厅" />
      </Form.Item>
      <Form.Item label="默认节目单" name="defaultPlaylistId" extra="分组内的屏幕没有其他安排时播放它">
        <Select
          allowClear
          options={playlists.map((p) => ({ value: p.id, label: p.name }))}
          placeholder={playlists.length ? '不设置' : '还没有节目单'}
        />
      </Form.Item>
      <Form.Item
        label="老旧设备"
        name="oldBoxes"
        valuePropName="checked"
        extra="分组内是出厂 WebView 的安卓广告机等老旧设备时开启：只允许排入 MP4（H.264/AAC）视频，WebM 视频会被拒绝"
      >
        <Switch data-testid="group-old-boxes" />
      </Form.Item>
    </>
  );
}
