import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type { ListType } from '../../core/credit/dataset.js';

const DATE_FORMAT = 'YYYY年M月D日';
const SEVERITIES = ['轻微', '一般', '严重'].map((s) => ({ value: s, label: s }));

interface Props {
  listType: ListType;
}

/** The EntryEdit fields (not the code: a wrong code means a new import, never an edit). */
export function EntryFields({ listType }: Props) {
  return (
    <>
      <Form.Item
        label="名称"
        name="name"
        extra="自然人姓名以脱敏形式显示；不需修改时请保持原样，修改时请输入完整姓名"
        rules={[{ required: true, whitespace: true, message: '请填写名称' }]}
      >
        <Input maxLength={200} data-testid="entry-name-input" />
      </Form.Item>
      <Form.Item label="法定代表人/经营者" name="legalRep">
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        label={listType === 'red' ? '守信事由' : '失信行为'}
        name="reason"
        rules={[{ required: true, whitespace: true, message: '请填写事由' }]}
      >
        <Input.TextArea rows={2} maxLength={1000} data-testid="entry-reason-input" />
      </Form.Item>
      <Form.Item label="认定依据" name="basis">
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            label="决定书文号"
            name="docNo"
            rules={[{ required: true, whitespace: true, message: '请填写文号' }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label="认定部门"
            name="authority"
            rules={[{ required: true, whitespace: true, message: '请填写认定部门' }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            label="认定日期"
            name="decisionDate"
            rules={[{ required: true, message: '请选择认定日期' }]}
          >
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        {listType === 'black' && (
          <Col span={12}>
            <Form.Item label="严重程度" name="severity">
              <Select options={SEVERITIES} allowClear placeholder="未分级" />
            </Form.Item>
          </Col>
        )}
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label="公示起始" name="publishFrom">
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="公示截止" name="publishUntil" extra="须在类别的公示期限规则之内">
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
