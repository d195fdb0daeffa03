import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Empty, Table, Tag } from 'antd';
import { useState } from 'react';
import type { ScreenStatus } from '../../core/protocol/events.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { CreateButton } from '../common/CreateButton.js';
import { Page } from '../common/Page.js';
import { rowAttrs } from '../common/rowAttrs.js';
import { call } from '../lib/client.js';
import { useNotifyError } from '../lib/notify.js';
import { groupsQuery, hallsQuery, screensQuery } from '../lib/queries.js';
import { useCan } from '../lib/session.js';
import { useLiveStatus } from '../lib/socket.js';
import { useNow } from '../lib/useNow.js';
import { EditScreenModal } from './EditScreenModal.js';
import { PairScreenModal } from './PairScreenModal.js';
import { screenSaved } from './screenCache.js';
import { screenColumns } from './screenColumns.js';

// Revoked screens last, then by name.
const order = (a: ScreenStatus, b: ScreenStatus) =>
  Number(a.revoked) - Number(b.revoked) || a.name.localeCompare(b.name, 'zh-CN');

/** Every screen with live status; operators pair, edit and revoke here. */
export function ScreensPage() {
  const screens = useQuery(screensQuery);
  const client = useQueryClient();
  const halls = useQuery(hallsQuery);
  const groups = useQuery(groupsQuery);
  const canOperate = useCan('operate-screens');
  const now = useNow();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [pairing, setPairing] = useState(false);
  const [editing, setEditing] = useState<ScreenStatus | null>(null);

  // Presence reaches the screens query's cache entry from the /admin events (lib/liveWriters.ts);
  // a reconnect refetches it once (lib/liveCache.ts).
  const upsert = (screen: ScreenStatus) => screenSaved(client, screen);
  const connected = useLiveStatus() !== 'paused';

  const revoke = async (screen: ScreenStatus) => {
    try {
      upsert(await call(routes.screens.revoke, { params: { id: screen.id } }));
      void message.success(`已撤销屏幕「${screen.name}」`);
    } catch (err) {
      notifyError(err, '撤销失败');
    }
  };

  const reloadAll = () => {
    void screens.refetch();
    void halls.refetch();
    void groups.refetch();
  };
  const columns = screenColumns({ now, canOperate, onEdit: setEditing, onRevoke: revoke });
  const extra = (
    <>
      {!connected && <Tag color="warning">实时状态已断开，正在重连…</Tag>}
      {canOperate && (
        <CreateButton label="配对新屏幕" testId="pair-button" onClick={() => setPairing(true)} />
      )}
    </>
  );
  const empty = canOperate
    ? '还没有屏幕。新屏幕开机后会显示配对码，点击「配对新屏幕」输入即可'
    : '还没有屏幕';

  return (
    <Page title="屏幕" extra={extra} error={screens.error ?? halls.error ?? groups.error} onRetry={reloadAll}>
      <Table<ScreenStatus>
        rowKey="id"
        loading={screens.isPending}
        dataSource={[...(screens.data ?? [])].sort(order)}
        columns={columns}
        pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={empty} /> }}
        onRow={(screen) => rowAttrs('screen-row', { 'screen-id': screen.id })}
        scroll={{ x: 'max-content' }}
      />
      {pairing && (
        <PairScreenModal
          halls={halls.data ?? []}
          groups={groups.data ?? []}
          onClose={() => setPairing(false)}
          onPaired={(screen) => {
            upsert(screen);
            setPairing(false);
            void message.success(`屏幕「${screen.name}」已配对`);
          }}
        />
      )}
      {editing && (
        <EditScreenModal
          screen={editing}
          halls={halls.data ?? []}
          groups={groups.data ?? []}
          onClose={() => setEditing(null)}
          onSaved={(screen) => {
            upsert(screen);
            setEditing(null);
            void message.success('已保存');
          }}
        />
      )}
    </Page>
  );
}
