import { Alert, Button, Descriptions, Flex, Form, Input, Space } from 'antd';
import { useState } from 'react';
import type { BatchDetail, CategoryInfo, ImportPreview, Unit } from '../../../core/protocol/credit.js';
import { api as routes } from '../../../core/protocol/routes/index.js';
import { type ApiError, toApiError } from '../../lib/api.js';
import { call } from '../../lib/client.js';
import { ListTypeTag } from '../../lists/tags.js';
import { defaultBatchTitle } from './title.js';

interface Props {
  preview: ImportPreview;
  unit: Unit | undefined;
  category: CategoryInfo;
  onBack: () => void;
  /** 410: the preview expired on the server; the file must be uploaded again. */
  onRestart: () => void;
  onConfirmed: (batch: BatchDetail) => void;
}

/** Step 3: names the batch and writes it as a draft. */
export function ConfirmStep({ preview, unit, category, onBack, onRestart, onConfirmed }: Props) {
  const [title, setTitle] = useState(() => defaultBatchTitle(category.name));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const skipped = preview.total - preview.importable;

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      const params = { id: preview.id };
      onConfirmed(await call(routes.imports.confirm, { params, body: { title: title.trim() } }));
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap={16} style={{ maxWidth: 720 }}>
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label="成员单位">{unit?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="名单类别">
          <Space size={4}>
            <ListTypeTag listType={category.listType} />
            {category.name}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="文件">{preview.fileName}</Descriptions.Item>
        <Descriptions.Item label="将导入">{preview.importable} 行</Descriptions.Item>
        <Descriptions.Item label="不导入（错误行）">{skipped} 行</Descriptions.Item>
      </Descriptions>
      <Form layout="vertical">
        <Form.Item label="批次名称" required extra="导入后为草稿，提交审核并经另一位审核员通过后才能发布">
          <Input
            value={title}
            maxLength={200}
            onChange={(e) => setTitle(e.target.value)}
            data-testid="import-title-input"
          />
        </Form.Item>
      </Form>
      {error && (
        <Alert
          type="error"
          showIcon
          title={error.message}
          action={error.status === 410 ? <Button onClick={onRestart}>重新上传</Button> : undefined}
          data-testid="import-confirm-error"
        />
      )}
      <Space>
        <Button onClick={onBack} disabled={busy}>
          上一步
        </Button>
        <Button
          type="primary"
          loading={busy}
          disabled={!title.trim()}
          onClick={() => void confirm()}
          data-testid="import-confirm"
        >
          确认导入 {preview.importable} 行
        </Button>
      </Space>
    </Flex>
  );
}
