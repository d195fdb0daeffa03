import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Modal, Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { copyText } from '../lib/clipboard.js';

interface Props {
  title: string;
  /** Above the secret, e.g. whose password it is. */
  intro?: ReactNode;
  secret: string;
  secretStyle: CSSProperties;
  /** The message after copying, and the one when the browser refuses. */
  copied: string;
  copyFailed: string;
  doneText: string;
  warning: { title: string; description: string };
  /** data-testid of the secret; its copy and done buttons add -copy and -done. */
  testId: string;
  onClose: () => void;
}

/** A secret the server returns once (a temporary password, an API key), with a copy button. */
export function SecretOnceModal({
  title,
  intro,
  secret,
  secretStyle,
  copied,
  copyFailed,
  doneText,
  warning,
  testId,
  onClose,
}: Props) {
  const { message } = App.useApp();
  const copy = async () => {
    if (await copyText(secret)) void message.success(copied);
    else void message.warning(copyFailed);
  };
  return (
    <Modal
      title={title}
      open
      closable={false}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose} data-testid={`${testId}-done`}>
          {doneText}
        </Button>
      }
    >
      {intro}
      <Flex gap={8} align="center" style={{ marginBottom: 16 }}>
        <Typography.Text code style={secretStyle} data-testid={testId}>
          {secret}
        </Typography.Text>
        <Button icon={<CopyOutlined />} onClick={() => void copy()} data-testid={`${testId}-copy`}>
          复制
        </Button>
      </Flex>
      <Alert type="warning" showIcon title={warning.title} description={warning.description} />
    </Modal>
  );
}
