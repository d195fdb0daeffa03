import { Form, Input, Select } from 'antd';
import { useEffect } from 'react';
import type { Group } from '../../core/protocol/rest.js';
import { SCREEN_PRESETS } from '../../core/protocol/rest.js';

export interface ScreenFieldValues {
  name: string;
  hallId: string;
  groupId?: string | null;
  presetId: string;
}

interface Props {
  halls: { id: string; name: string }[];
  groups: Group[];
  /** An extra preset option for a screen whose canvas matches no preset (edit only). */
  currentOption?: { value: string; label: string };
  testidPrefix: string;
}

/** 名称 / 大厅 / 分组 / 屏幕规格, shared by pairing and editing; the group list follows the hall. */
export function ScreenFields({ halls, groups, currentOption, testidPrefix }: Props) {
  const form = Form.useFormInstance<ScreenFieldValues>();
  const hallId = Form.useWatch<string | undefined>('hallId', form);
  const groupId = Form.useWatch<string | null | undefined>('groupId', form);
  const hallGroups = groups.filter((g) => g.hallId === hallId);

  useEffect(() => {
    if (groupId && !groups.some((g) => g.id === groupId && g.hallId === hallId)) {
      form.setFieldValue('groupId', null);
    }
  }, [form, groups, hallId, groupId]);

  const presets = SCREEN_PRESETS.map((p) => ({ value: p.id, label: p.label }));
  return (
    <>
      <Form.Item
        label="名称"
        name="name"
        rules={[{ required: true, whitespace: true, message: '请输入屏幕名称' }]}
      >
        <Input
          maxLength={100}
          placeholder="例如：一楼大厅入口左侧"
          data-testid={`${testidPrefix}-name-input`}
        />
      </Form.Item>
      <Form.Item label="大厅" name="hallId" rules={[{ required: true, message: '请选择大厅' }]}>
        <Select
          options={halls.map((h) => ({ value: h.id, label: h.name }))}
          placeholder="选择屏幕所在大厅"
          data-testid={`${testidPrefix}-hall-select`}
        />
      </Form.Item>
      <Form.Item label="分组" name="groupId" extra="可选；分组决定默认节目单">
        <Select
          allowClear
          disabled={!hallId}
          options={hallGroups.map((g) => ({ value: g.id, label: g.name }))}
          placeholder={hallId ? (hallGroups.length ? '不分组' : '该大厅还没有分组') : '请先选择大厅'}
          data-testid={`${testidPrefix}-group-select`}
        />
      </Form.Item>
      <Form.Item label="屏幕规格" name="presetId" rules={[{ required: true, message: '请选择屏幕规格' }]}>
        <Select
          options={currentOption ? [currentOption, ...presets] : presets}
          data-testid={`${testidPrefix}-preset-select`}
        />
      </Form.Item>
    </>
  );
}
