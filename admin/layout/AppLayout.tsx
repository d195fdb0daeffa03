import { ApiOutlined, KeyOutlined, LogoutOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Layout, Menu, Spin, Tag, Typography } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { ROLE_LABELS } from '../../core/protocol/rest.js';
import { AlertNotifier } from '../dashboard/AlertNotifier.js';
import { navigate, useRoute } from '../lib/router.js';
import { useSession } from '../lib/session.js';
// dayjs in Chinese and the hall's timezone for every page (loaded with the signed-in frame, not the login page).
import '../lib/time.js';
import { openapi } from '../../core/protocol/routes/operations.js';
import { hrefOf } from '../lib/client.js';
import { signInNotice } from '../login/signInNotice.js';
import { landingFor, pagesFor } from './pages.js';

const PASSWORD_PATH = '/password';
/** The API reference page the server serves. */
const API_DOCS_URL = hrefOf(openapi.reference);
const PasswordPage = lazy(() =>
  import('../password/PasswordPage.js').then((m) => ({ default: m.PasswordPage })),
);

/** While a page's chunk loads: a spinner where the page will be, the menu and header staying put. */
function PageLoading() {
  return (
    <Flex justify="center" style={{ padding: 48 }} data-testid="page-loading">
      <Spin size="large" />
    </Flex>
  );
}

/** Side menu + header around the current page; unknown or forbidden routes go to the first page. */
export function AppLayout() {
  const { session, logout } = useSession();
  const route = useRoute();
  const pages = pagesFor(session.user.role);
  // A page owns its sub-routes too (#/batches/:id).
  const page = pages.find((p) => p.path === route || route.startsWith(`${p.path}/`));
  const fallback = landingFor(session.user.role);

  useEffect(() => {
    if (!page && route !== PASSWORD_PATH) navigate(fallback, true);
  }, [page, route, fallback]);

  const Current = page?.component ?? (route === PASSWORD_PATH ? PasswordPage : null);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} theme="light" width={200}>
        <Typography.Title level={5} style={{ padding: '20px 24px 8px', margin: 0 }}>
          HallCast
        </Typography.Title>
        <Menu
          mode="inline"
          selectedKeys={page ? [page.path] : []}
          items={pages.map((p) => ({ key: p.path, icon: p.icon, label: p.label }))}
          onClick={({ key }) => navigate(key)}
          data-testid="side-menu"
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', paddingInline: 24, borderBottom: '1px solid #f0f0f0' }}>
          <Flex justify="space-between" align="center" style={{ height: '100%' }}>
            <Typography.Text strong>HallCast 管理后台</Typography.Text>
            <Flex align="center" gap={8}>
              <span data-testid="current-user">{session.user.displayName}</span>
              <Tag>{ROLE_LABELS[session.user.role]}</Tag>
              <Button
                type="text"
                icon={<ApiOutlined />}
                href={API_DOCS_URL}
                target="_blank"
                rel="noopener"
                data-testid="api-docs-link"
              >
                接口文档
              </Button>
              <Button type="text" icon={<KeyOutlined />} onClick={() => navigate(PASSWORD_PATH)}>
                修改密码
              </Button>
              <Button
                type="text"
                icon={<LogoutOutlined />}
                onClick={() => void logout()}
                data-testid="logout-button"
              >
                退出登录
              </Button>
            </Flex>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <SignInNotice />
          <AdminSetup />
          <Suspense fallback={<PageLoading />}>{Current && <Current />}</Suspense>
        </Layout.Content>
        <AlertNotifier />
      </Layout>
    </Layout>
  );
}

/**
 * After the move to separated administrators the system administrator is asked, until it is
 * done, to create the security and audit administrators no account holds yet.
 */
function AdminSetup() {
  const { session } = useSession();
  const missing = session.setup ?? [];
  if (missing.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="admin-setup"
      title={`尚未设立${missing.map((r) => ROLE_LABELS[r]).join('、')}`}
      description="系统管理、安全管理与审计由三位管理员分别担任（等保三级）：请新建账号并选择相应角色；之后角色由安全管理员分配。"
      action={
        <Button size="small" onClick={() => navigate('/users')}>
          前往用户页
        </Button>
      }
    />
  );
}

/**
 * Right after signing in: when and from where the user last signed in, and the failed attempts
 * since (a warning when there were some). Above the page, never over it; closed by the user.
 */
function SignInNotice() {
  const { session } = useSession();
  const [closed, setClosed] = useState(false);
  if (!session.notice || closed) return null;
  return (
    <Alert
      type={session.notice.failedSince > 0 ? 'warning' : 'info'}
      showIcon
      closable
      onClose={() => setClosed(true)}
      style={{ marginBottom: 16 }}
      data-testid="signin-notice"
      title="登录成功"
      description={signInNotice(session.notice)}
    />
  );
}
