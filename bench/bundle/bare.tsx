import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, ConfigProvider, Flex, Form, Input, Result, Spin, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { createRoot } from 'react-dom/client';

/**
 * bench:bundle's baseline: React and the antd components the admin's login page and its boot
 * screens render (ConfigProvider in Chinese, App, Card, Form, Input, Button, Alert, Typography,
 * Flex, Spin, Result, two icons), and nothing of HallCast.
 */
function Bare() {
  return (
    <ConfigProvider locale={zhCN}>
      <App>
        <Flex justify="center" align="center" style={{ minHeight: '100vh' }}>
          <Card title={<Typography.Title level={4}>登录</Typography.Title>}>
            <Alert type="error" title="错误" />
            <Form layout="vertical">
              <Form.Item name="u" label="用户名" rules={[{ required: true }]}>
                <Input prefix={<UserOutlined />} />
              </Form.Item>
              <Form.Item name="p" label="密码">
                <Input.Password prefix={<LockOutlined />} />
              </Form.Item>
              <Button type="primary" htmlType="submit">
                登录
              </Button>
            </Form>
            <Spin />
            <Result status="error" title="无法连接" />
          </Card>
        </Flex>
      </App>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(<Bare />);
