import { UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, Empty, Flex, Progress, Row, Segmented, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { MediaInfo } from '../../core/protocol/programs.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { formatBytes } from '../campaigns/labels.js';
import { Page } from '../common/Page.js';
import { toApiError } from '../lib/api.js';
import { call, upload } from '../lib/client.js';
import { useRemove } from '../lib/notify.js';
import { mediaQuery } from '../lib/queries.js';
import { useCan } from '../lib/session.js';
import { MediaCard } from './MediaCard.js';
import { type Upload, UploadQueue } from './UploadQueue.js';

const ACCEPT = 'image/png,image/jpeg,image/webp,video/mp4,video/webm';

/**
 * The file's bytes as application/octet-stream, keeping its name: sent as image/png the body
 * would look typed by the browser, while the server types a file by its content.
 */
const rawBody = (file: File) =>
  Object.assign(new Blob([file], { type: 'application/octet-stream' }), { name: file.name });

/** 媒体库: every uploaded image and video, uploads with progress, and where each is used. */
export function MediaPage() {
  const library = useQuery(mediaQuery);
  const client = useQueryClient();
  const reload = () => void client.invalidateQueries({ queryKey: [routes.media.list.path] });
  const canManage = useCan('manage-programs');
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [filter, setFilter] = useState<'all' | 'image' | 'video'>('all');
  const patch = (key: string, p: Partial<Upload>) =>
    setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...p } : u)));

  const start = (file: File) => {
    const key = `${file.name}-${Date.now()}-${Math.random()}`;
    const max = library.data?.maxFileBytes;
    if (max && file.size > max) {
      const text = `超过单个文件上限 ${formatBytes(max)}`;
      setUploads((list) => [...list, { key, name: file.name, fraction: 0, status: 'error', message: text }]);
      return;
    }
    const { promise, abort } = upload(routes.media.upload, { query: { name: file.name } }, rawBody(file), {
      onProgress: (fraction) => patch(key, { fraction }),
    });
    setUploads((list) => [...list, { key, name: file.name, fraction: 0, status: 'uploading', abort }]);
    promise.then(
      (out) => {
        patch(key, { fraction: 1, status: 'done' });
        if (out.duplicate)
          void message.info(`「${file.name}」与已有文件「${out.media.originalName}」内容相同，已共用`);
        reload();
      },
      (err: unknown) => patch(key, { status: 'error', message: toApiError(err).message }),
    );
  };

  const removeConfirmed = useRemove();
  const remove = (m: MediaInfo) =>
    removeConfirmed({
      remove: () => call(routes.media.remove, { params: { hash: m.hash } }),
      done: `已删除「${m.originalName}」`,
      refusedTitle: '无法删除该文件',
      after: reload,
    });

  const data = library.data;
  const shown = (data?.media ?? []).filter((m) => filter === 'all' || m.type === filter);
  const extra = canManage && (
    <>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        multiple
        hidden
        data-testid="media-input"
        onChange={(e) => {
          for (const f of Array.from(e.target.files ?? [])) start(f);
          e.target.value = '';
        }}
      />
      <Button type="primary" icon={<UploadOutlined />} onClick={() => input.current?.click()}>
        上传图片或视频
      </Button>
    </>
  );
  return (
    <Page title="媒体库" extra={extra} error={library.error} onRetry={() => void library.refetch()}>
      {data && (
        <Flex align="center" gap={16} wrap>
          <Typography.Text>
            已用 {formatBytes(data.totalBytes)} / {formatBytes(data.maxTotalBytes)}
          </Typography.Text>
          <Progress
            style={{ width: 200, margin: 0 }}
            percent={Math.round((data.totalBytes / data.maxTotalBytes) * 100)}
            size="small"
          />
          <Typography.Text type="secondary">
            支持 PNG、JPEG、WebP 图片与 MP4（H.264/AAC）、WebM 视频，单个文件不超过{' '}
            {formatBytes(data.maxFileBytes)}； 类型按文件内容识别，SVG 不能上传。缩略图为原图按比例缩放显示。
          </Typography.Text>
          <Segmented
            value={filter}
            onChange={(v) => setFilter(v as typeof filter)}
            options={[
              { value: 'all', label: '全部' },
              { value: 'image', label: '图片' },
              { value: 'video', label: '视频' },
            ]}
          />
        </Flex>
      )}
      <UploadQueue uploads={uploads} onDismiss={(key) => setUploads((l) => l.filter((u) => u.key !== key))} />
      {data && shown.length === 0 ? (
        <Empty description={canManage ? '还没有文件，点击「上传图片或视频」' : '还没有文件'} />
      ) : (
        <Row gutter={[16, 16]}>
          {shown.map((m) => (
            <Col key={m.hash} xs={12} sm={8} md={6} xl={4}>
              <MediaCard media={m} canManage={canManage} onDelete={remove} />
            </Col>
          ))}
        </Row>
      )}
    </Page>
  );
}
