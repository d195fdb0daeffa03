import { Alert, Form, Input, Radio, Select } from 'antd';
import { LIST_FIELD_LABELS, ListField } from '../../core/credit/dataset.js';
import { DEFAULT_MASK_POLICY } from '../../core/credit/mask.js';
import { BLACK_2026, RED_DEFAULT } from '../../core/credit/windowRules.js';
import type { CategoryInfo, CategoryInput } from '../../core/protocol/credit.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { NameField } from '../common/NameField.js';
import { type FormSpec, saved } from '../common/resource/types.js';
import { call } from '../lib/client.js';
import { MaskPolicyFields } from './MaskPolicyFields.js';
import { parseWindowRules, WINDOW_PRESETS, windowRulesText } from './windowRulesText.js';

type Values = Omit<CategoryInput, 'windowRules'> & { windowRulesText: string };

const FIELD_OPTIONS = ListField.options.map((f) => ({ value: f, label: LIST_FIELD_LABELS[f] }));

function initialValues(category: CategoryInfo | null): Values {
  if (category) {
    const { windowRules, id: _id, ...rest } = category;
    return { ...rest, windowRulesText: windowRulesText(windowRules) };
  }
  return {
    name: '',
    listType: 'black',
    windowRulesText: windowRulesText(BLACK_2026),
    maskPolicy: { ...DEFAULT_MASK_POLICY },
    objectionPolicy: 'keep',
    publishPersonName: false,
    fields: ['name', 'code', 'reason', 'authority', 'decisionDate', 'publishUntil'],
  };
}

/** Creates or edits a list category: type, window rules (JSON), masking, objection policy, fields. */
export const categoryForm: FormSpec<CategoryInfo, Values> = {
  title: (category) => (category ? `编辑类别：${category.name}` : '新建名单类别'),
  width: 760,
  initialValues,
  fields: ['name', 'listType', 'maskPolicy', 'objectionPolicy', 'fields'],
  submitTestId: 'category-submit',
  notice: (category) =>
    category && (
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="修改脱敏规则或异议策略会立即更新所有屏幕上该类别的名单；公示期限规则只用于之后导入的条目"
      />
    ),
  items: (category) => <CategoryFields creating={!category} />,
  save: async ({ windowRulesText: text, ...values }, category) => {
    const parsed = parseWindowRules(text);
    if (!parsed.ok) return null;
    const body: CategoryInput = { ...values, name: values.name.trim(), windowRules: parsed.rules };
    return saved(
      category
        ? await call(routes.categories.update, { params: { id: category.id }, body })
        : await call(routes.categories.create, { body }),
    );
  },
};

/** The category's fields; a new category's rules follow its list type, a preset replaces them. */
function CategoryFields({ creating }: { creating: boolean }) {
  const form = Form.useFormInstance<Values>();
  const applyPreset = (key: string) => {
    const preset = WINDOW_PRESETS.find((p) => p.key === key);
    if (preset) form.setFieldValue('windowRulesText', windowRulesText(preset.rules));
  };

  return (
    <>
      <NameField
        message="请输入类别名称"
        placeholder="例如：重大税收违法失信主体"
        testId="category-name-input"
      />
      <Form.Item label="名单类型" name="listType">
        <Radio.Group
          options={[
            { value: 'red', label: '红榜（守信激励）' },
            { value: 'black', label: '黑榜（失信惩戒）' },
          ]}
          onChange={(e) => {
            if (creating)
              form.setFieldValue(
                'windowRulesText',
                windowRulesText(e.target.value === 'red' ? RED_DEFAULT : BLACK_2026),
              );
          }}
        />
      </Form.Item>
      <Form.Item label="套用预设规则">
        <Select
          placeholder="选择后替换下方规则"
          options={WINDOW_PRESETS.map((p) => ({ value: p.key, label: p.label }))}
          onChange={applyPreset}
        />
      </Form.Item>
      <Form.Item
        label="公示期限规则（JSON）"
        name="windowRulesText"
        extra="月数自认定日期起算；kind 为 range（区间）、graded（按严重程度）或 fixed（固定期限）"
        rules={[
          {
            validator: async (_, text: string) => {
              const parsed = parseWindowRules(text ?? '');
              if (!parsed.ok) throw new Error(parsed.message);
            },
          },
        ]}
      >
        <Input.TextArea
          rows={10}
          spellCheck={false}
          style={{ fontFamily: 'monospace', fontSize: 12 }}
          data-testid="category-rules-input"
        />
      </Form.Item>
      <MaskPolicyFields />
      <Form.Item
        label="屏幕显示字段"
        name="fields"
        rules={[{ required: true, type: 'array', min: 1, message: '至少选择一个字段' }]}
      >
        <Select mode="multiple" options={FIELD_OPTIONS} data-testid="category-fields-select" />
      </Form.Item>
    </>
  );
}
