import type { ApiKeyWithSecret } from '../../core/protocol/credit.js';
import { SecretOnceModal } from '../common/SecretOnceModal.js';

/** Shows a new key's secret once, with a copy button; the server keeps only its hash. */
export function ApiKeySecretModal({ result, onClose }: { result: ApiKeyWithSecret; onClose: () => void }) {
  return (
    <SecretOnceModal
      title={`密钥「${result.key.name}」已创建`}
      secret={result.secret}
      secretStyle={{ wordBreak: 'break-all' }}
      copied="已复制密钥"
      copyFailed="无法自动复制，请手动选中密钥复制"
      doneText="我已保存"
      warning={{
        title: '密钥只显示这一次',
        description:
          '请立即保存到调用方系统的安全配置中。调用时使用请求头 Authorization: Bearer 加密钥。遗失后只能吊销并新建。',
      }}
      testId="api-key-secret"
      onClose={onClose}
    />
  );
}
