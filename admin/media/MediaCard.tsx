import { DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Popconfirm, Tag, Typography } from 'antd';
import type { MediaInfo } from '../../core/protocol/programs.js';
import { formatBytes, formatDuration } from '../campaigns/labels.js';

interface Props {
  media: MediaInfo;
  canManage: boolean;
  onDelete: (media: MediaInfo) => void;
}

// No image library runs on the server: the thumbnail is the original, scaled by the browser.
function Thumb({ media }: { media: MediaInfo }) {
  const style = { width: '100%', height: 140, objectFit: 'cover' as const, background: '#f5f5f5' };
  const src = `/media/${media.hash}`;
  return media.type === 'video' ? (
    <video src={src} style={style} muted preload="metadata" />
  ) : (
    <img src={src} alt={media.originalName} style={style} loading="lazy" />
  );
}

/** One file of the library: thumbnail, size, where it is used, delete. */
export function MediaCard({ media, canManage, onDelete }: Props) {
  const dims = media.width && media.height ? `${media.width}×${media.height}` : '尺寸未知';
  const actions =
    canManage && !media.builtin
      ? [
          <Popconfirm
            key="delete"
            title={`删除「${media.originalName}」？`}
            description={media.usedBy.length ? '该文件正在使用，需先从内容中移除' : '删除后无法恢复'}
            okText="删除"
            okButtonProps={{ danger: true }}
            onConfirm={() => onDelete(media)}
          >
            <Button type="text" danger size="small" icon={<DeleteOutlined />}>
              删除
            </Button>
          </Popconfirm>,
        ]
      : undefined;
  return (
    <Card size="small" cover={<Thumb media={media} />} actions={actions} data-testid="media-card">
      <Typography.Text strong ellipsis title={media.originalName} style={{ display: 'block' }}>
        {media.originalName}
      </Typography.Text>
      <div>
        <Tag color={media.type === 'video' ? 'purple' : 'blue'}>
          {media.type === 'video' ? '视频' : '图片'}
        </Tag>
        {media.builtin && <Tag>自带</Tag>}
        {media.flags?.includes('webm') && (
          <Tag
            color="orange"
            title="WebM（VP8/VP9）在出厂 WebView 的安卓广告机上播放不佳：标记为老旧设备的分组不能排入"
            data-testid="media-flag-webm"
          >
            老旧设备不宜
          </Tag>
        )}
        {media.flags?.includes('larger_than_screens') && (
          <Tag
            color="gold"
            title="分辨率超过所有屏幕的画布：老旧设备解码吃力，建议转码为屏幕分辨率"
            data-testid="media-flag-large"
          >
            超出屏幕分辨率
          </Tag>
        )}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {dims} · {formatBytes(media.bytes)}
        {media.durationMs ? ` · ${formatDuration(media.durationMs)}` : ''}
      </Typography.Text>
      <div style={{ fontSize: 12 }}>
        {media.usedBy.length ? (
          <Typography.Text ellipsis title={media.usedBy.map((u) => u.name).join('、')}>
            用于：{media.usedBy.map((u) => u.name).join('、')}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">未使用</Typography.Text>
        )}
      </div>
    </Card>
  );
}
