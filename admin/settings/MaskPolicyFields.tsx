import { Col, Form, InputNumber, Radio, Row, Select, Switch } from 'antd';

const NAME_MODES = [
  { value: 'surname', label: '仅显示姓（张*）' },
  { value: 'full', label: '显示全名' },
];

/** 脱敏规则 and 异议策略 of a category. */
export function MaskPolicyFields() {
  return (
    <>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            label="身份证号保留前几位"
            name={['maskPolicy', 'idKeepStart']}
            extra="最多 6 位（地区码）"
          >
            <InputNumber min={0} max={6} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label="身份证号保留后几位"
            name={['maskPolicy', 'idKeepEnd']}
            extra="最多 4 位；出生日期始终隐藏"
          >
            <InputNumber min={0} max={4} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label="自然人姓名" name={['maskPolicy', 'personName']}>
            <Select options={NAME_MODES} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label="法定代表人"
            name={['maskPolicy', 'legalRep']}
            extra="法定代表人属公开登记信息，默认全名"
          >
            <Select options={NAME_MODES} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        label="依法公开自然人全名"
        name="publishPersonName"
        valuePropName="checked"
        extra="仅当该名单的法律依据要求公布姓名时开启（如失信被执行人）；开启后自然人姓名不再脱敏"
      >
        <Switch />
      </Form.Item>
      <Form.Item label="异议期间" name="objectionPolicy">
        <Radio.Group
          options={[
            { value: 'keep', label: '继续显示（默认）' },
            { value: 'suspend', label: '暂停显示' },
          ]}
        />
      </Form.Item>
    </>
  );
}
