import { Button, Card, Form, Input, Popconfirm, Select } from 'antd';
import type { Emergency, EmergencyInput } from '../../core/protocol/programs.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { formatDuration } from '../campaigns/labels.js';
import { NO_TARGETS, type TargetOptions, TargetsField } from '../campaigns/TargetsField.js';
import { FormError, useFormSubmit } from '../common/useFormSubmit.js';
import { call } from '../lib/client.js';

interface Props extends TargetOptions {
  defaultMs: number;
  maxMs: number;
  onCreated: (e: Emergency) => void;
}

const FIELDS = ['title', 'body', 'targets', 'durationMs'];
const CHOICES = [15, 30, 60, 120, 240, 480, 720, 1440].map((m) => m * 60_000);

/** One click: title, text, where, how long; it expires by itself. */
export function EmergencyForm({ defaultMs, maxMs, onCreated, ...targets }: Props) {
  const [form] = Form.useForm<EmergencyInput>();
  const { busy, error, setError, submit } = useFormSubmit(form, FIELDS);
  const durations = [...new Set([...CHOICES.filter((ms) => ms <= maxMs), defaultMs])].sort((a, b) => a - b);
  const publish = async () => {
    setError(null);
    let values: EmergencyInput;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    // What was typed stays on a failure; the server's issues go under their fields, anything else on top.
    await submit(async () => {
      onCreated(await call(routes.emergencies.create, { body: values }));
      form.resetFields();
    });
  };
  return (
    <Card size="small" title="发布紧急通知" style={{ borderColor: '#ff4d4f' }}>
      <FormError error={error} />
      <Form<EmergencyInput>
        form={form}
        layout="vertical"
        initialValues={{ title: '', body: '', targets: { ...NO_TARGETS, all: true }, durationMs: defaultMs }}
      >
        <Form.Item
          label="标题"
          name="title"
          rules={[{ required: true, whitespace: true, message: '请填写标题' }]}
        >
          <Input
            maxLength={60}
            placeholder="例如：系统维护，暂停办理不动产业务"
            data-testid="emergency-title"
          />
        </Form.Item>
        <Form.Item label="内容" name="body">
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
        <Form.Item label="投放范围" name="targets">
          <TargetsField {...targets} />
        </Form.Item>
        <Form.Item label="显示时长（到期自动撤下）" name="durationMs">
          <Select
            options={durations.map((ms) => ({ value: ms, label: formatDuration(ms) }))}
            style={{ width: 200 }}
          />
        </Form.Item>
        <Popconfirm title="立即在所选屏幕上覆盖显示此通知？" okText="立即发布" onConfirm={publish}>
          <Button type="primary" danger loading={busy} data-testid="emergency-publish">
            立即发布
          </Button>
        </Popconfirm>
      </Form>
    </Card>
  );
}
