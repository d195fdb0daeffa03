import { AutoComplete, Form, Input } from 'antd';
import { type Hall, type HallInput, TimeZone } from '../../core/protocol/rest.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { NameField } from '../common/NameField.js';
import { type FormSpec, saved } from '../common/resource/types.js';
import { call } from '../lib/client.js';
import { OpeningHoursField } from './OpeningHoursField.js';
import { DEFAULT_ROWS, fromRows, type OpeningRow, toRows } from './openingHours.js';

interface Values {
  name: string;
  timezone: string;
  openingHours: OpeningRow[];
  repairWindowText?: string;
}

const TIMEZONES = ['Asia/Shanghai', 'Asia/Urumqi', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei'];

/** Creates or edits a hall: 名称, 时区, 开放时间, 信用修复窗口说明. */
export const hallForm: FormSpec<Hall, Values> = {
  title: (hall) => (hall ? `编辑大厅：${hall.name}` : '新建大厅'),
  width: 640,
  initialValues: (hall) => ({
    name: hall?.name ?? '',
    timezone: hall?.timezone ?? 'Asia/Shanghai',
    openingHours: toRows(hall?.openingHours ?? DEFAULT_ROWS),
    repairWindowText: hall?.repairWindowText ?? '',
  }),
  fields: ['name', 'timezone', 'openingHours', 'repairWindowText'],
  submitTestId: 'hall-submit',
  items: () => <HallFields />,
  save: async (values, hall) => {
    const body: HallInput = {
      name: values.name.trim(),
      timezone: values.timezone.trim(),
      openingHours: fromRows(values.openingHours),
      repairWindowText: (values.repairWindowText ?? '').trim(),
    };
    return saved(
      hall
        ? await call(routes.halls.update, { params: { id: hall.id }, body })
        : await call(routes.halls.create, { body }),
    );
  },
};

function HallFields() {
  return (
    <>
      <NameField message="请输入大厅名称" placeholder="例如：市民中心政务服务大厅" testId="hall-name-input" />
      <Form.Item
        label="时区"
        name="timezone"
        extra="可从列表选择，或输入 IANA 时区名称"
        rules={[
          { required: true, message: '请输入时区' },
          {
            validator: async (_, value: string | undefined) => {
              const result = TimeZone.safeParse((value ?? '').trim());
              if (value && !result.success) throw new Error(result.error.issues[0]?.message ?? '时区无效');
            },
          },
        ]}
      >
        <AutoComplete options={TIMEZONES.map((tz) => ({ value: tz }))} />
      </Form.Item>
      <OpeningHoursField />
      <Form.Item label="信用修复窗口说明" name="repairWindowText" extra="显示在屏幕上的名单下方，最多 300 字">
        <Input.TextArea
          rows={3}
          maxLength={300}
          showCount
          placeholder="例如：信用修复请至 3 号综合窗口办理，工作日 9:00–17:00"
        />
      </Form.Item>
    </>
  );
}
