import { Button, Flex, Progress, Typography } from 'antd';

export interface Upload {
  key: string;
  name: string;
  fraction: number;
  status: 'uploading' | 'done' | 'error';
  message?: string;
  abort?: () => void;
}

/** The files on their way up, each with its progress, its error or a cancel button. */
export function UploadQueue({ uploads, onDismiss }: { uploads: Upload[]; onDismiss: (key: string) => void }) {
  if (uploads.length === 0) return null;
  return (
    <Flex vertical gap={4} data-testid="upload-queue">
      {uploads.map((u) => (
        <Flex key={u.key} align="center" gap={12}>
          <Typography.Text ellipsis style={{ width: 220 }} title={u.name}>
            {u.name}
          </Typography.Text>
          <Progress
            style={{ flex: 1, margin: 0 }}
            percent={Math.round(u.fraction * 100)}
            status={u.status === 'error' ? 'exception' : u.status === 'done' ? 'success' : 'active'}
            size="small"
          />
          {u.status === 'error' && (
            <Typography.Text type="danger" style={{ maxWidth: 420 }}>
              {u.message}
            </Typography.Text>
          )}
          {u.status === 'uploading' ? (
            <Button size="small" onClick={u.abort}>
              取消
            </Button>
          ) : (
            <Button size="small" type="text" onClick={() => onDismiss(u.key)}>
              关闭
            </Button>
          )}
        </Flex>
      ))}
    </Flex>
  );
}
