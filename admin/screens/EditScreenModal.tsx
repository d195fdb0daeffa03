import { Alert, Button, Form, Modal } from 'antd';
import { useState } from 'react';
import type { ScreenStatus } from '../../core/protocol/events.js';
import type { Group, Hall, ScreenUpdate } from '../../core/protocol/rest.js';
import { toApiError } from '../lib/api.js';
import { screensApi } from '../lib/endpoints.js';
import { applyIssues } from '../lib/formErrors.js';
import { LAYOUT_LABELS, presetById, presetIdFor } from './labels.js';
import { ScreenFields, type ScreenFieldValues } from './ScreenFields.js';

interface Props {
  screen: ScreenStatus;
  halls: Hall[];
  groups: Group[];
  onClose: () => void;
  onSaved: (screen: ScreenStatus) => void;
}

const KEEP = 'current';

/** Renames or moves a screen, or changes its preset; sends only the canvas when it changed. */
export function EditScreenModal({ screen, halls, groups, onClose, onSaved }: Props) {
  const [form] = Form.useForm<ScreenFieldValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Keep the screen's hall selectable even if the hall list failed to load or lags behind.
  const hallOptions = halls.some((h) => h.id === screen.hallId)
    ? halls
    : [...halls, { id: screen.hallId, name: screen.hallName }];
  const matched = presetIdFor(screen.layout, screen.canvas);
  const { width, height } = screen.canvas;
  const currentOption = matched
    ? undefined
    : { value: KEEP, label: `当前：${LAYOUT_LABELS[screen.layout] ?? screen.layout} ${width}×${height}` };

  const submit = async (values: ScreenFieldValues) => {
    const body: ScreenUpdate = {
      name: values.name.trim(),
      hallId: values.hallId,
      groupId: values.groupId ?? null,
    };
    const preset = values.presetId === KEEP ? undefined : presetById(values.presetId);
    if (preset && values.presetId !== matched) Object.assign(body, preset);
    setBusy(true);
    setError(null);
    try {
      onSaved(await screensApi.update(screen.id, body));
    } catch (err) {
      const e = toApiError(err);
      if (!applyIssues(form, e, ['name', 'hallId', 'groupId'])) setError(e.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={`编辑屏幕：${screen.name}`}
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
          data-testid="edit-screen-submit"
        >
          保存
        </Button>,
      ]}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<ScreenFieldValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          name: screen.name,
          hallId: screen.hallId,
          groupId: screen.groupId,
          presetId: matched ?? KEEP,
        }}
      >
        <ScreenFields
          form={form}
          halls={hallOptions}
          groups={groups}
          currentOption={currentOption}
          testidPrefix="edit-screen"
        />
      </Form>
    </Modal>
  );
}
