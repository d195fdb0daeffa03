import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Modal, Typography } from 'antd';
import { copyText } from '../lib/clipboard.js';
import type { ApiKeyWithSecret } from '../lists/creditApi.js';

/** Shows a new key's secret once, with a copy button; the server keeps only its hash. */
export function ApiKeySecretModal({ result, onClose }: { result: ApiKeyWithSecret; onClose: () => void }) {
  const { message } = App.useApp();
  const copy = async () => {
    if (await copyText(result.secret)) void message.success('已复制密钥');
    else void message.warning('无法自动复制，请手动选中密钥复制');
  };
  return (
    <Modal
      title={`密钥「${result.key.name}」已创建`}
      open
      closable={false}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose} data-testid="api-key-secret-done">
          我已保存
        </Button>
      }
    >
      <Flex gap={8} align="center" style={{ marginBottom: 16 }}>
        <Typography.Text code style={{ wordBreak: 'break-all' }} data-testid="api-key-secret">
          {result.secret}
        </Typography.Text>
        <Button icon={<CopyOutlined />} onClick={() => void copy()} data-testid="api-key-secret-copy">
          复制
        </Button>
      </Flex>
      <Alert
        type="warning"
        showIcon
        title="密钥只显示这一次"
        description="请立即保存到调用方系统的安全配置中。调用时使用请求头 Authorization: Bearer 加密钥。遗失后只能吊销并新建。"
      />
    </Modal>
  );
}
