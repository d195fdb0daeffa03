import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Select, TimePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { WEEKDAY_OPTIONS } from './openingHours.js';

/** Rows of 星期 + 开放/关闭时间; the server stores them as HH:mm in the hall's timezone. */
export function OpeningHoursField() {
  return (
    <Form.Item label="开放时间" extra="每行一组星期和时段；可添加多行，例如工作日与周六分开">
      <Form.List name="openingHours">
        {(rows, { add, remove }) => (
          <Flex vertical gap={8}>
            {rows.map(({ key, name }) => (
              <Flex key={key} gap={8} align="start" wrap>
                <Form.Item
                  name={[name, 'weekdays']}
                  rules={[{ required: true, message: '请选择星期' }]}
                  style={{ flex: '1 1 240px', marginBottom: 0 }}
                >
                  <Select mode="multiple" options={WEEKDAY_OPTIONS} placeholder="星期" />
                </Form.Item>
                <Form.Item
                  name={[name, 'open']}
                  rules={[{ required: true, message: '开放时间' }]}
                  style={{ marginBottom: 0 }}
                >
                  <TimePicker format="HH:mm" placeholder="开放" needConfirm={false} />
                </Form.Item>
                <Form.Item
                  name={[name, 'close']}
                  dependencies={[['openingHours', name, 'open']]}
                  style={{ marginBottom: 0 }}
                  rules={[
                    { required: true, message: '关闭时间' },
                    ({ getFieldValue }) => ({
                      validator: async (_, close: Dayjs | null) => {
                        const open: Dayjs | null = getFieldValue(['openingHours', name, 'open']);
                        if (open && close && close.format('HH:mm') <= open.format('HH:mm')) {
                          throw new Error('关闭时间须晚于开放时间');
                        }
                      },
                    }),
                  ]}
                >
                  <TimePicker format="HH:mm" placeholder="关闭" needConfirm={false} />
                </Form.Item>
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  onClick={() => remove(name)}
                  aria-label="删除此行"
                />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ weekdays: [] })}>
              添加时段
            </Button>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}
