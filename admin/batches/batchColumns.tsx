import { Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Batch } from '../../core/protocol/credit.js';
import { formatDate, formatDateTime } from '../lib/time.js';
import { BatchStatusTag, ListTypeTag } from '../lists/tags.js';
import { batchPath } from './paths.js';

const dash = <Typography.Text type="secondary">—</Typography.Text>;

/** The batch list's columns; the title links to the batch page. */
export function batchColumns(): ColumnsType<Batch> {
  return [
    {
      title: '批次',
      dataIndex: 'title',
      render: (title: string, batch) => (
        <a href={`#${batchPath(batch.id)}`} data-testid="batch-link">
          {title}
        </a>
      ),
    },
    { title: '成员单位', dataIndex: 'unitName' },
    { title: '类别', dataIndex: 'categoryName' },
    {
      title: '类型',
      dataIndex: 'listType',
      render: (listType: Batch['listType']) => <ListTypeTag listType={listType} />,
    },
    {
      title: '状态',
      dataIndex: 'status',
      render: (status: Batch['status']) => <BatchStatusTag status={status} testId="batch-row-status" />,
    },
    { title: '条目', dataIndex: 'entries', align: 'right' },
    {
      title: '代码异常',
      dataIndex: 'anomalies',
      align: 'right',
      render: (n: number) => (n > 0 ? <Tag color="orange">{n}</Tag> : dash),
    },
    {
      title: '创建',
      dataIndex: 'createdAt',
      render: (at: number) => formatDate(at),
      sorter: (a, b) => a.createdAt - b.createdAt,
      defaultSortOrder: 'descend',
    },
    {
      title: '提交',
      dataIndex: 'submittedAt',
      render: (at: number | null) => (at === null ? dash : formatDateTime(at)),
    },
    {
      title: '发布',
      dataIndex: 'publishedAt',
      render: (at: number | null) => (at === null ? dash : formatDateTime(at)),
    },
  ];
}
