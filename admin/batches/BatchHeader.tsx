import { Descriptions, Space, Tag, Typography } from 'antd';
import type { BatchDetail } from '../../core/protocol/credit.js';
import { formatDateTime } from '../lib/time.js';
import { BatchStatusTag, ListTypeTag } from '../lists/tags.js';
import { useUserNames } from '../lists/useUserNames.js';

const who = (name: string, at: number | null) => (at === null ? '—' : `${name}，${formatDateTime(at)}`);

/** Status, unit, category and who did what when; the review comment when there is one. */
export function BatchHeader({ batch }: { batch: BatchDetail }) {
  const nameOf = useUserNames();
  return (
    <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }}>
      <Descriptions.Item label="状态">
        <BatchStatusTag status={batch.status} testId="batch-status" />
      </Descriptions.Item>
      <Descriptions.Item label="成员单位">{batch.unitName}</Descriptions.Item>
      <Descriptions.Item label="类别">
        <Space size={4}>
          <ListTypeTag listType={batch.listType} />
          {batch.categoryName}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label="条目">{batch.entries}</Descriptions.Item>
      <Descriptions.Item label="代码异常">
        {batch.anomalies > 0 ? <Tag color="orange">{batch.anomalies} 条</Tag> : '无'}
      </Descriptions.Item>
      <Descriptions.Item label="来源文件">{batch.sourceName || '—'}</Descriptions.Item>
      <Descriptions.Item label="导入">{who(nameOf(batch.createdBy), batch.createdAt)}</Descriptions.Item>
      <Descriptions.Item label="提交">{who(nameOf(batch.submittedBy), batch.submittedAt)}</Descriptions.Item>
      <Descriptions.Item label="审核">{who(nameOf(batch.reviewedBy), batch.reviewedAt)}</Descriptions.Item>
      {batch.publishedAt !== null && (
        <Descriptions.Item label="发布">{formatDateTime(batch.publishedAt)}</Descriptions.Item>
      )}
      {(batch.status === 'published' || batch.status === 'archived') && (
        <Descriptions.Item label="正在上屏">{batch.onDisplay} 条</Descriptions.Item>
      )}
      {batch.reviewComment && (
        <Descriptions.Item label="审核意见" span="filled">
          <Typography.Text
            type={batch.status === 'rejected' ? 'danger' : undefined}
            data-testid="batch-review-comment"
          >
            {batch.reviewComment}
          </Typography.Text>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
