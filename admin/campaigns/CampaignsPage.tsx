import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Empty, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { CAMPAIGN_STATUS_LABELS, type Campaign } from '../../core/protocol/programs.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { CreateButton } from '../common/CreateButton.js';
import { Page } from '../common/Page.js';
import { dropFromList, invalidate, putInList } from '../lib/cache.js';
import { routeQuery } from '../lib/client.js';
import { groupsQuery, hallsQuery, playlistsQuery, screensQuery } from '../lib/queries.js';
import { useCan } from '../lib/session.js';
import { CampaignActions } from './CampaignActions.js';
import { CampaignCalendar } from './CampaignCalendar.js';
import { CampaignFormModal } from './CampaignFormModal.js';
import { describeTargets, PRIORITY_LABELS, SHARING_LABELS } from './labels.js';

const campaignsQuery = routeQuery(routes.campaigns.list);

const STATUS_COLORS = { draft: 'default', submitted: 'gold', approved: 'green', rejected: 'red' } as const;

/** 宣传活动: the list with review actions, and a month calendar of what runs when. */
export function CampaignsPage() {
  const campaigns = useQuery(campaignsQuery);
  const playlists = useQuery(playlistsQuery);
  const halls = useQuery(hallsQuery);
  const groups = useQuery(groupsQuery);
  const screens = useQuery(screensQuery);
  const client = useQueryClient();
  const canManage = useCan('manage-programs');
  const [editing, setEditing] = useState<Campaign | 'new' | null>(null);
  const names = new Map<string, string>(
    [...(halls.data ?? []), ...(groups.data ?? []), ...(screens.data ?? [])].map((x) => [x.id, x.name]),
  );
  // The campaign as the server answered goes into the list at once; a campaign's playlists show
  // their use by it, and what is approved shows in every previewed manifest.
  const changed = (id: string) => (c: Campaign | null) => {
    if (c) putInList(client, campaignsQuery.queryKey, c);
    else dropFromList<Campaign>(client, campaignsQuery.queryKey, id);
    invalidate(client, routes.playlists.list, routes.preview.get);
  };

  const columns = [
    {
      title: '活动',
      dataIndex: 'name',
      render: (_: string, c: Campaign) => (
        <>
          <div>{c.name}</div>
          {c.theme && <Typography.Text type="secondary">{c.theme}</Typography.Text>}
        </>
      ),
    },
    { title: '日期', key: 'dates', render: (_: unknown, c: Campaign) => `${c.startDate} 至 ${c.endDate}` },
    {
      title: '时段',
      key: 'dayparts',
      render: (_: unknown, c: Campaign) =>
        c.dayparts.length ? c.dayparts.map((d) => `${d.start}–${d.end}`).join('、') : '全天',
    },
    {
      title: '状态',
      key: 'status',
      render: (_: unknown, c: Campaign) => (
        <>
          <Tag color={STATUS_COLORS[c.status]}>{CAMPAIGN_STATUS_LABELS[c.status]}</Tag>
          {c.approved && c.status !== 'approved' && (
            <Tooltip title={`已批准的版本（${c.approved.name}）在审核期间继续播放`}>
              <Tag color="green">播放已批准版本</Tag>
            </Tooltip>
          )}
          {c.status === 'rejected' && c.reviewComment && (
            <Typography.Text type="secondary">{c.reviewComment}</Typography.Text>
          )}
        </>
      ),
    },
    {
      title: '优先级 / 分享',
      key: 'priority',
      render: (_: unknown, c: Campaign) => (
        <>
          <Tag color={c.priority === 'high' ? 'volcano' : undefined}>{PRIORITY_LABELS[c.priority]}</Tag>
          <Typography.Text type="secondary">{SHARING_LABELS[c.sharing]}</Typography.Text>
        </>
      ),
    },
    { title: '投放', key: 'targets', render: (_: unknown, c: Campaign) => describeTargets(c.targets, names) },
    {
      title: '操作',
      key: 'actions',
      render: (_: unknown, c: Campaign) => (
        <CampaignActions campaign={c} onEdit={setEditing} onChanged={changed(c.id)} />
      ),
    },
  ];
  const list = (
    <Table<Campaign>
      rowKey="id"
      loading={campaigns.isPending}
      dataSource={campaigns.data ?? []}
      columns={columns}
      pagination={{ hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description="还没有宣传活动" /> }}
    />
  );
  const extra = canManage && (
    <CreateButton label="新建宣传活动" testId="campaign-create" onClick={() => setEditing('new')} />
  );
  return (
    <Page
      title="宣传活动"
      extra={extra}
      error={campaigns.error ?? playlists.error}
      onRetry={() => void campaigns.refetch()}
    >
      <Tabs
        items={[
          { key: 'list', label: '列表', children: list },
          { key: 'calendar', label: '月历', children: <CampaignCalendar campaigns={campaigns.data ?? []} /> },
        ]}
      />
      {editing && (
        <CampaignFormModal
          campaign={editing === 'new' ? null : editing}
          playlists={playlists.data ?? []}
          halls={halls.data ?? []}
          groups={groups.data ?? []}
          screens={screens.data ?? []}
          onClose={() => setEditing(null)}
          onSaved={(c) => {
            setEditing(null);
            changed(c.id)(c);
          }}
        />
      )}
    </Page>
  );
}
