import { Tabs } from 'antd';
import { Page } from '../common/Page.js';
import { ListDisplayTab } from './ListDisplayTab.js';
import { OverviewCharts } from './OverviewCharts.js';
import { ProofOfPlayTab } from './ProofOfPlayTab.js';

/** 报表: uptime and plays charts, proof of play, 名单展示证明; each exportable as xlsx. */
export function ReportsPage() {
  return (
    <Page title="报表">
      <Tabs
        destroyOnHidden
        items={[
          { key: 'overview', label: '运行概览', children: <OverviewCharts /> },
          { key: 'plays', label: '播放证明', children: <ProofOfPlayTab /> },
          { key: 'lists', label: '名单展示证明', children: <ListDisplayTab /> },
        ]}
      />
    </Page>
  );
}
