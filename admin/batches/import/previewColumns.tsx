import { Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { PreviewRow } from '../../../core/protocol/credit.js';
import { IssueList } from '../../lists/IssueList.js';
import { AnomalyTag, PreviewStatusTag } from '../../lists/tags.js';

const text = (value: string) => value || <Typography.Text type="secondary">—</Typography.Text>;

/** Preview rows: masked values as they would be stored, then each issue by column. */
export function previewColumns(): ColumnsType<PreviewRow> {
  return [
    { title: '行号', dataIndex: 'row', width: 70 },
    {
      title: '状态',
      key: 'status',
      render: (_, row) => (
        <Space size={4} wrap>
          <PreviewStatusTag status={row.status} />
          <AnomalyTag entry={{ codeAnomaly: row.codeAnomaly, anomalyAccepted: false }} />
        </Space>
      ),
    },
    { title: '主体类型', key: 'subjectType', render: (_, row) => text(row.values.subjectType) },
    { title: '名称', key: 'name', render: (_, row) => text(row.values.name) },
    { title: '统一社会信用代码/证件号', key: 'code', render: (_, row) => text(row.values.code) },
    { title: '法定代表人', key: 'legalRep', render: (_, row) => text(row.values.legalRep) },
    { title: '认定日期', key: 'decisionDate', render: (_, row) => text(row.values.decisionDate) },
    {
      title: '公示期',
      key: 'window',
      render: (_, { values }) =>
        values.publishFrom || values.publishUntil
          ? `${values.publishFrom} 至 ${values.publishUntil}`
          : text(''),
    },
    {
      title: '问题',
      key: 'issues',
      width: 360,
      render: (_, row) => (
        <IssueList errors={row.errors} warnings={row.warnings} codeAnomaly={row.codeAnomaly} />
      ),
    },
  ];
}
