import { Alert, Empty, Flex, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import type { Item } from '../../core/manifest/types.js';
import type { PlaylistInfo, ProgramEdit } from '../../core/protocol/programs.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import type { PlaylistEntry } from '../../core/schedule/types.js';
import { formatDuration } from '../campaigns/labels.js';
import { toApiError } from '../lib/api.js';
import { call } from '../lib/client.js';
import { EntryRow } from './EntryRow.js';

interface Props {
  playlist: PlaylistInfo | null;
  items: Item[];
  onClose: () => void;
  onSaved: (playlist: PlaylistInfo, edit?: ProgramEdit<PlaylistInfo>) => void;
}

function moved<T>(list: T[], from: number, to: number): T[] {
  const next = [...list];
  const [x] = next.splice(from, 1);
  if (x !== undefined) next.splice(Math.max(0, Math.min(to, next.length)), 0, x);
  return next;
}

/** 节目单编辑：ordered entries (drag or arrows), each with its duration and validity dates. */
export function PlaylistEditor({ playlist, items, onClose, onSaved }: Props) {
  const [name, setName] = useState(playlist?.name ?? '');
  const [entries, setEntries] = useState<PlaylistEntry[]>(playlist?.entries ?? []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const byId = new Map(items.map((i) => [i.id, i]));
  const lists = playlist?.role === 'lists';
  const choices = items.filter((i) => !lists || i.kind === 'list-board');

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const body = { name: name.trim(), entries };
      if (playlist) {
        const edit = await call(routes.playlists.update, { params: { id: playlist.id }, body });
        onSaved(edit.saved, edit);
      } else onSaved(await call(routes.playlists.create, { body }));
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };

  const total = entries.reduce((s, e) => s + e.durationMs, 0);
  return (
    <Modal
      title={playlist ? `编辑节目单：${playlist.name}` : '新建节目单'}
      open
      width={960}
      onCancel={onClose}
      onOk={save}
      okText="保存"
      confirmLoading={busy}
      okButtonProps={{ disabled: !name.trim() }}
    >
      <Flex vertical gap={12}>
        {error && <Alert type="error" showIcon title={error} />}
        {playlist && playlist.usedBy.campaigns.length > 0 && (
          <Alert
            type="info"
            showIcon
            title={`宣传活动 ${playlist.usedBy.campaigns.map((c) => `「${c.name}」`).join('、')} 使用此节目单：保存后已批准的活动将重新送审，审核通过前屏幕继续播放已批准的版本`}
          />
        )}
        <Input
          placeholder="节目单名称"
          value={name}
          maxLength={100}
          onChange={(e) => setName(e.target.value)}
        />
        <Typography.Text type="secondary">
          共 {entries.length} 项，一轮 {formatDuration(total)}
          。拖动左侧手柄或用箭头调整顺序；有效期外的条目当天不播放。
        </Typography.Text>
        {entries.length === 0 && <Empty description="还没有内容，从下方添加" />}
        {entries.map((entry, index) => (
          <EntryRow
            // biome-ignore lint/suspicious/noArrayIndexKey: the same item may appear twice; position is its identity.
            key={`${entry.itemId}-${index}`}
            entry={entry}
            index={index}
            count={entries.length}
            item={byId.get(entry.itemId)}
            onChange={(next) => setEntries((l) => l.map((e, i) => (i === index ? next : e)))}
            onMove={(from, to) => setEntries((l) => moved(l, from, to))}
            onRemove={() => setEntries((l) => l.filter((_, i) => i !== index))}
          />
        ))}
        <Select
          showSearch
          placeholder="添加内容…"
          value={null}
          optionFilterProp="label"
          options={choices.map((i) => ({ value: i.id, label: i.name }))}
          onChange={(itemId: string) => {
            const item = byId.get(itemId);
            if (item) setEntries((l) => [...l, { itemId, durationMs: item.durationMs }]);
          }}
          data-testid="playlist-add"
        />
      </Flex>
    </Modal>
  );
}
