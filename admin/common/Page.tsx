import { Alert, Button, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { ApiError } from '../lib/api.js';

interface PageProps {
  title: string;
  /** Buttons on the right of the title. */
  extra?: ReactNode;
  /** A failed load, shown above the content with a retry button. */
  error?: ApiError | null;
  onRetry?: () => void;
  children: ReactNode;
}

/** The frame of every page: title, actions, load error. */
export function Page({ title, extra, error, onRetry, children }: PageProps) {
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        <Flex gap={8}>{extra}</Flex>
      </Flex>
      {error && (
        <Alert
          type="error"
          showIcon
          title="加载失败"
          description={error.message}
          action={onRetry && <Button onClick={onRetry}>重试</Button>}
        />
      )}
      {children}
    </Flex>
  );
}
