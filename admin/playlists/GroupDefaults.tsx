import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Card, Flex, Select, Typography } from 'antd';
import type { PlaylistInfo } from '../../core/protocol/programs.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { invalidate, putInList } from '../lib/cache.js';
import { call } from '../lib/client.js';
import { useNotifyError } from '../lib/notify.js';
import { groupsQuery } from '../lib/queries.js';

/** Each screen group's default playlist: what plays when no campaign does, so no slot is empty. */
export function GroupDefaults({ playlists, canManage }: { playlists: PlaylistInfo[]; canManage: boolean }) {
  const groups = useQuery(groupsQuery);
  const client = useQueryClient();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const options = playlists.filter((p) => p.role === 'content').map((p) => ({ value: p.id, label: p.name }));

  const change = async (groupId: string, playlistId: string | null) => {
    try {
      const g = await call(routes.groups.setDefaultPlaylist, {
        params: { id: groupId },
        body: { playlistId },
      });
      putInList(client, groupsQuery.queryKey, g);
      // Playlists list the groups they are the default of; the group's screens play another one.
      invalidate(client, routes.playlists.list, routes.preview.get);
      void message.success(`分组「${g.name}」的默认节目单已更换，屏幕将自动更新`);
    } catch (err) {
      notifyError(err, '更换失败');
    }
  };

  return (
    <Card size="small" title="屏幕分组的默认节目单">
      <Flex vertical gap={8}>
        {(groups.data ?? []).map((g) => (
          <Flex key={g.id} align="center" gap={12}>
            <Typography.Text style={{ width: 160 }}>{g.name}</Typography.Text>
            <Select
              style={{ minWidth: 240 }}
              allowClear
              disabled={!canManage}
              value={g.defaultPlaylistId}
              placeholder="未设置（使用第一个节目单）"
              options={options}
              onChange={(v: string | undefined) => void change(g.id, v ?? null)}
            />
            <Typography.Text type="secondary">{g.screens} 块屏幕</Typography.Text>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
