import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, HolderOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, InputNumber, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { DragEvent } from 'react';
import type { Item } from '../../core/manifest/types.js';
import type { PlaylistEntry } from '../../core/schedule/types.js';
import { KIND_LABELS } from '../screens/labels.js';

interface Props {
  entry: PlaylistEntry;
  index: number;
  count: number;
  item: Item | undefined;
  onChange: (entry: PlaylistEntry) => void;
  onMove: (from: number, to: number) => void;
  onRemove: () => void;
}

const day = (s?: string) => (s ? dayjs(s) : null);
const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

/** One entry of the playlist editor: drag handle, item, duration, validity, move and remove. */
export function EntryRow({ entry, index, count, item, onChange, onMove, onRemove }: Props) {
  const drag = {
    draggable: true,
    onDragStart: (e: DragEvent) => e.dataTransfer.setData('text/plain', String(index)),
    onDragOver: (e: DragEvent) => e.preventDefault(),
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      const from = Number(e.dataTransfer.getData('text/plain'));
      if (Number.isInteger(from) && from !== index) onMove(from, index);
    },
  };
  return (
    <Flex
      align="center"
      gap={8}
      wrap
      {...drag}
      data-testid="playlist-entry"
      style={{ padding: '6px 8px', border: '1px solid #f0f0f0', borderRadius: 6, background: '#fff' }}
    >
      <HolderOutlined style={{ cursor: 'grab', color: '#999' }} title="拖动调整顺序" />
      <Typography.Text type="secondary" style={{ width: 24 }}>
        {index + 1}
      </Typography.Text>
      <Tag>{item ? KIND_LABELS[item.kind] : '已删除'}</Tag>
      <Typography.Text ellipsis style={{ width: 180 }} title={item?.name}>
        {item?.name ?? entry.itemId}
      </Typography.Text>
      <InputNumber
        size="small"
        min={1}
        max={86_400}
        value={entry.durationMs / 1000}
        onChange={(v) => onChange({ ...entry, durationMs: Math.round((v ?? 1) * 1000) })}
        suffix="秒"
        style={{ width: 100 }}
      />
      <DatePicker.RangePicker
        size="small"
        allowEmpty={[true, true]}
        placeholder={['长期有效', '长期有效']}
        value={[day(entry.validFrom), day(entry.validUntil)]}
        onChange={(range) => onChange({ ...entry, validFrom: iso(range?.[0]), validUntil: iso(range?.[1]) })}
      />
      <Button
        size="small"
        type="text"
        icon={<ArrowUpOutlined />}
        disabled={index === 0}
        onClick={() => onMove(index, index - 1)}
        title="上移"
      />
      <Button
        size="small"
        type="text"
        icon={<ArrowDownOutlined />}
        disabled={index === count - 1}
        onClick={() => onMove(index, index + 1)}
        title="下移"
      />
      <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={onRemove} title="移除" />
    </Flex>
  );
}
