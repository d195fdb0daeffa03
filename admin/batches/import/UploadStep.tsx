import { FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Select, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { CategoryInfo, ImportPreview, Unit } from '../../../core/protocol/credit.js';
import type { ImportProgress } from '../../../core/protocol/events.js';
import { api as routes } from '../../../core/protocol/routes/index.js';
import { type ApiError, toApiError } from '../../lib/api.js';
import { upload } from '../../lib/client.js';
import { useAdminEvents } from '../../lib/socket.js';
import { ListTypeTag } from '../../lists/tags.js';
import { ImportProgressBar } from './ImportProgressBar.js';

interface Props {
  units: Unit[];
  categories: CategoryInfo[];
  onUploaded: (preview: ImportPreview, category: CategoryInfo, unitId: string) => void;
  onCancel: () => void;
}

const ACCEPT = '.xlsx,.csv';

/** Names one upload so its `import:progress` events can be told apart (no randomUUID on plain http). */
function newUploadId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function sizeText(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A 413 from a proxy carries no message of ours: say what to do anyway. */
function uploadErrorTitle(err: ApiError): string {
  if (err.status === 413 && err.code !== 'file_too_large')
    return '文件过大，超过服务器允许的上传大小，请拆分后分别导入';
  return err.message;
}

// 422 names every missing column; the title already carries the summary message.
function IssueLines({ issues }: { issues: ApiError['issues'] }) {
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
      {issues.map((issue) => (
        <li key={`${issue.path}:${issue.message}`}>{issue.message}</li>
      ))}
    </ul>
  );
}

/**
 * Step 1: 成员单位, 类别 and the file; shows the upload's progress, then the server's reading and
 * checking of the rows, and why the server refused the file.
 */
export function UploadStep({ units, categories, onUploaded, onCancel }: Props) {
  const [unitId, setUnitId] = useState<string>();
  const [categoryId, setCategoryId] = useState<string>();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [serverStep, setServerStep] = useState<ImportProgress | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const inFlight = useRef<{ abort: () => void } | null>(null);
  const uploadId = useRef<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const category = categories.find((c) => c.id === categoryId);
  useAdminEvents({
    'import:progress': (step) => {
      if (step.uploadId === uploadId.current) setServerStep(step);
    },
  });

  const start = async () => {
    if (!file || !unitId || !category) return;
    setError(null);
    setProgress(0);
    uploadId.current = newUploadId();
    // The server reports its reading and checking as `import:progress` events carrying uploadId.
    const query = { unitId, categoryId: category.id, uploadId: uploadId.current };
    const sending = upload(routes.imports.upload, { query }, file, { onProgress: setProgress });
    inFlight.current = sending;
    try {
      onUploaded(await sending.promise, category, unitId);
    } catch (err) {
      const e = toApiError(err);
      if (e.code !== 'aborted') setError(e);
    } finally {
      inFlight.current = null;
      uploadId.current = null;
      setProgress(null);
      setServerStep(null);
    }
  };

  const busy = progress !== null;
  return (
    <Flex vertical gap={16} style={{ maxWidth: 640 }}>
      <Form layout="vertical">
        <Form.Item label="成员单位" required>
          <Select
            value={unitId}
            onChange={setUnitId}
            placeholder="报送名单的成员单位"
            options={units.map((u) => ({ value: u.id, label: u.name }))}
            showSearch={{ optionFilterProp: 'label' }}
            disabled={busy}
            data-testid="import-unit-select"
          />
        </Form.Item>
        <Form.Item label="名单类别" required extra="类别决定红榜或黑榜、公示期限和脱敏规则">
          <Select
            value={categoryId}
            onChange={setCategoryId}
            placeholder="例如：失信被执行人"
            options={categories.map((c) => ({
              value: c.id,
              name: c.name,
              label: (
                <Space size={4}>
                  <ListTypeTag listType={c.listType} />
                  {c.name}
                </Space>
              ),
            }))}
            showSearch={{ optionFilterProp: 'name' }}
            disabled={busy}
            data-testid="import-category-select"
          />
        </Form.Item>
        <Form.Item label="名单文件" required extra="Excel（.xlsx）或 CSV 文件，请使用导入模板填写">
          <input
            ref={input}
            type="file"
            accept={ACCEPT}
            style={{ display: 'none' }}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setError(null);
            }}
            data-testid="import-file-input"
          />
          <Space>
            <Button icon={<FileExcelOutlined />} onClick={() => input.current?.click()} disabled={busy}>
              选择文件
            </Button>
            {file ? (
              <Typography.Text data-testid="import-file-name">
                {file.name}（{sizeText(file.size)}）
              </Typography.Text>
            ) : (
              <Typography.Text type="secondary">未选择文件</Typography.Text>
            )}
          </Space>
        </Form.Item>
      </Form>
      {busy && <ImportProgressBar sent={progress} server={serverStep} />}
      {error && (
        <Alert
          type="error"
          showIcon
          title={uploadErrorTitle(error)}
          description={error.issues.length > 0 ? <IssueLines issues={error.issues} /> : undefined}
          data-testid="import-error"
        />
      )}
      <Space>
        <Button onClick={busy ? () => inFlight.current?.abort() : onCancel}>
          {busy ? '取消上传' : '返回'}
        </Button>
        <Button
          type="primary"
          icon={<UploadOutlined />}
          disabled={!file || !unitId || !category}
          loading={busy}
          onClick={() => void start()}
          data-testid="import-upload"
        >
          上传并检查
        </Button>
      </Space>
    </Flex>
  );
}
