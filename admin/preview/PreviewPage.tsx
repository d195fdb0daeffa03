import { useQuery } from '@tanstack/react-query';
import { Col, DatePicker, Empty, Flex, Row, Select, Spin, Tabs, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api as routes } from '../../core/protocol/routes/index.js';
import { weekView } from '../../core/schedule/index.js';
import { Page } from '../common/Page.js';
import { routeQuery } from '../lib/client.js';
import { screensQuery } from '../lib/queries.js';
import { PreviewStage } from './PreviewStage.js';
import { SlotInfo } from './SlotInfo.js';
import { WeekGrid } from './WeekGrid.js';

const WALL = 'YYYY-MM-DDTHH:mm';

/** The preview of a screen at a wall time (in the screen's timezone); no request until a screen is chosen. */
function usePreview(screenId: string | undefined, at: string) {
  return useQuery({
    ...routeQuery(routes.preview.get, { params: { screenId: screenId ?? '' }, query: { at } }),
    enabled: screenId !== undefined,
  });
}

/** 预览: what a screen shows at any date and time, drawn with the player's renderers, and its week. */
export function PreviewPage() {
  const screens = useQuery(screensQuery);
  const active = (screens.data ?? []).filter((s) => !s.revoked);
  const [screenId, setScreenId] = useState<string>();
  const [when, setWhen] = useState<Dayjs>(() => dayjs().second(0));
  const chosen = screenId ?? active[0]?.id;
  const instant = usePreview(chosen, when.format(WALL));
  const monday = when.subtract((when.day() + 6) % 7, 'day').format('YYYY-MM-DD');
  const week = usePreview(chosen, `${monday}T00:00`);
  const view =
    week.data &&
    weekView(
      week.data.manifest.schedule,
      { id: week.data.manifest.screenId, timezone: week.data.manifest.timezone },
      monday,
    );

  const picker = (
    <Flex gap={8} wrap>
      <Select
        style={{ minWidth: 220 }}
        placeholder="选择屏幕"
        value={chosen}
        onChange={setScreenId}
        options={active.map((s) => ({
          value: s.id,
          label: `${s.name}（${s.canvas.width}×${s.canvas.height}）`,
        }))}
        data-testid="preview-screen"
      />
      <DatePicker
        showTime={{ format: 'HH:mm' }}
        format="YYYY-MM-DD HH:mm"
        value={when}
        allowClear={false}
        onChange={(d) => d && setWhen(d)}
      />
    </Flex>
  );
  const now = (
    <Spin spinning={!instant.data && !instant.error}>
      {instant.data ? (
        <Row gutter={16}>
          <Col xs={24} xl={16}>
            <PreviewStage preview={instant.data} />
          </Col>
          <Col xs={24} xl={8}>
            <SlotInfo preview={instant.data} />
          </Col>
        </Row>
      ) : (
        <Empty description={instant.error?.message ?? '正在计算…'} />
      )}
    </Spin>
  );
  const weekTab =
    view && week.data ? (
      <WeekGrid view={view} manifest={week.data.manifest} />
    ) : (
      <Empty description={week.error?.message ?? '正在计算…'} />
    );
  return (
    <Page title="预览" extra={picker} error={screens.error} onRetry={() => void screens.refetch()}>
      {screens.data && active.length === 0 ? (
        <Empty description="还没有屏幕：配对屏幕后即可预览" />
      ) : (
        <>
          <Typography.Text type="secondary">
            时间按屏幕所在大厅的时区理解；宣传活动按当前已批准的版本计算，名单为当前发布的内容。
          </Typography.Text>
          <Tabs
            items={[
              { key: 'now', label: '此刻画面', children: now },
              { key: 'week', label: `一周安排（${monday} 起）`, children: weekTab },
            ]}
          />
        </>
      )}
    </Page>
  );
}
