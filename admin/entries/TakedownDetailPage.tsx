import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, Descriptions, Table, Typography } from 'antd';
import { type TakedownDetail, WITHDRAW_KIND_LABELS } from '../../core/protocol/credit.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { Page } from '../common/Page.js';
import { rowAttrs } from '../common/rowAttrs.js';
import { routeQuery } from '../lib/client.js';
import { navigate } from '../lib/router.js';
import { formatDateTime } from '../lib/time.js';
import { useUserNames } from '../lists/useUserNames.js';
import { ConfirmedBar, formatDeadline } from './ConfirmedBar.js';
import { TAKEDOWNS_PATH } from './takedownPaths.js';

type ScreenRow = TakedownDetail['perScreen'][number];
const REFRESH_MS = 5000;

const columns = [
  { title: '屏幕', dataIndex: 'screenName' },
  {
    title: '在线',
    dataIndex: 'online',
    render: (online: boolean) => (
      <Badge status={online ? 'success' : 'error'} text={online ? '在线' : '离线'} />
    ),
  },
  {
    title: '已移除（画面更新时间）',
    dataIndex: 'renderedAt',
    render: (at: number | null) =>
      at === null ? <Typography.Text type="warning">尚未确认</Typography.Text> : formatDateTime(at),
  },
];

/** One takedown: which screens have confirmed, refreshed every few seconds until all have. */
export function TakedownDetailPage({ takedownId }: { takedownId: string }) {
  const takedown = useQuery({
    ...routeQuery(routes.takedowns.get, { params: { id: takedownId } }),
    refetchInterval: ({ state: { data } }) => (data && data.confirmed >= data.screens ? false : REFRESH_MS),
  });
  const nameOf = useUserNames();
  const t = takedown.data;

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(TAKEDOWNS_PATH)}>
      返回列表
    </Button>
  );
  return (
    <Page
      title={t ? `撤下：${t.entryName}` : '撤下记录'}
      extra={back}
      error={takedown.error}
      onRetry={() => void takedown.refetch()}
    >
      {t && (
        <>
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label="类型">{WITHDRAW_KIND_LABELS[t.kind]}</Descriptions.Item>
            <Descriptions.Item label="类别">{t.categoryName}</Descriptions.Item>
            <Descriptions.Item label="决定文书号">{t.docNo}</Descriptions.Item>
            <Descriptions.Item label="操作人">{nameOf(t.requestedBy)}</Descriptions.Item>
            <Descriptions.Item label="撤下时间">{formatDateTime(t.requestedAt)}</Descriptions.Item>
            <Descriptions.Item label="法定时限">
              <span data-testid="takedown-deadline">{formatDeadline(t.deadline)}</span>（3 个工作日内）
            </Descriptions.Item>
            <Descriptions.Item label="屏幕确认" span="filled">
              <ConfirmedBar takedown={t} />
            </Descriptions.Item>
            <Descriptions.Item label="理由" span="filled">
              {t.reason}
            </Descriptions.Item>
          </Descriptions>
          {t.perScreen.some((s) => !s.online && s.renderedAt === null) && (
            <Alert
              type="warning"
              showIcon
              title="有离线屏幕尚未确认"
              description="离线屏幕重新联网后会先移除该条目再继续播放；离线超过同步时限的屏幕不再显示名单。请在法定时限前确认这些屏幕已恢复或已关闭。"
            />
          )}
          <Table<ScreenRow>
            rowKey="screenId"
            size="small"
            dataSource={t.perScreen}
            columns={columns}
            pagination={false}
            onRow={(s) => rowAttrs('takedown-screen', { 'screen-id': s.screenId })}
          />
        </>
      )}
    </Page>
  );
}
