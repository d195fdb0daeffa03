import { Alert, Button, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import type { Group, GroupInput, Hall } from '../../core/protocol/rest.js';
import { toApiError } from '../lib/api.js';
import type { PlaylistRef } from '../lib/endpoints.js';
import { groupsApi } from '../lib/endpoints.js';
import { applyIssues } from '../lib/formErrors.js';

interface Props {
  /** null creates a new group. */
  group: Group | null;
  halls: Hall[];
  playlists: PlaylistRef[];
  onClose: () => void;
  onSaved: (group: Group) => void;
}

interface Values {
  name: string;
  hallId: string;
  defaultPlaylistId?: string | null;
}

/** Creates or edits a screen group: 名称, 大厅, 默认节目单. */
export function GroupFormModal({ group, halls, playlists, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: Values) => {
    const body: GroupInput = {
      name: values.name.trim(),
      hallId: values.hallId,
      defaultPlaylistId: values.defaultPlaylistId ?? null,
    };
    setBusy(true);
    setError(null);
    try {
      onSaved(group ? await groupsApi.update(group.id, body) : await groupsApi.create(body));
    } catch (err) {
      const e = toApiError(err);
      if (!applyIssues(form, e, ['name', 'hallId', 'defaultPlaylistId'])) setError(e.message);
    } finally {
      setBusy(false);
    }
  };

  const initial: Partial<Values> = group
    ? { name: group.name, hallId: group.hallId, defaultPlaylistId: group.defaultPlaylistId }
    : { hallId: halls.length === 1 ? halls[0]?.id : undefined, defaultPlaylistId: null };

  return (
    <Modal
      title={group ? `编辑分组：${group.name}` : '新建屏幕分组'}
      open
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          取消
        </Button>,
        <Button
          key="submit"
          type="primary"
          loading={busy}
          onClick={() => form.submit()}
          data-testid="group-submit"
        >
          保存
        </Button>,
      ]}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {halls.length === 0 && (
        <Alert
          type="warning"
          showIcon
          title="还没有大厅：请先在「大厅」页面创建"
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        <Form.Item
          label="名称"
          name="name"
          rules={[{ required: true, whitespace: true, message: '请输入分组名称' }]}
        >
          <Input maxLength={100} placeholder="例如：一楼等候区" data-testid="group-name-input" />
        </Form.Item>
        <Form.Item label="大厅" name="hallId" rules={[{ required: true, message: '请选择大厅' }]}>
          <Select options={halls.map((h) => ({ value: h.id, label: h.name }))} placeholder="选择大厅" />
        </Form.Item>
        <Form.Item label="默认节目单" name="defaultPlaylistId" extra="分组内的屏幕没有其他安排时播放它">
          <Select
            allowClear
            options={playlists.map((p) => ({ value: p.id, label: p.name }))}
            placeholder={playlists.length ? '不设置' : '还没有节目单'}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
