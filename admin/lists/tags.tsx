import { Space, Tag, Tooltip } from 'antd';
import type { ListType } from '../../core/credit/dataset.js';
import {
  BATCH_STATUS_LABELS,
  type BatchStatus,
  ENTRY_STATUS_LABELS,
  type EntryStatus,
  type EntryView,
  type PreviewRow,
} from '../../core/protocol/credit.js';

export const LIST_TYPE_LABELS: Record<ListType, string> = { red: '红榜', black: '黑榜' };

/** 红榜 in red, 黑榜 in dark grey, as on the hall screens. */
export function ListTypeTag({ listType }: { listType: ListType }) {
  return (
    <Tag color={listType === 'red' ? '#cf1322' : '#3a3a3a'} variant="solid" data-testid="list-type">
      {LIST_TYPE_LABELS[listType]}
    </Tag>
  );
}

const BATCH_COLORS: Record<BatchStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'cyan',
  rejected: 'warning',
  published: 'success',
  archived: 'default',
};

export function BatchStatusTag({ status, testId }: { status: BatchStatus; testId?: string }) {
  return (
    <Tag color={BATCH_COLORS[status]} data-testid={testId} data-status={status}>
      {BATCH_STATUS_LABELS[status]}
    </Tag>
  );
}

const ENTRY_COLORS: Record<EntryStatus, string> = {
  active: 'success',
  repaired: 'blue',
  withdrawn: 'default',
  expired: 'default',
  'objection-pending': 'warning',
};

export function EntryStatusTag({ status }: { status: EntryStatus }) {
  return (
    <Tag color={ENTRY_COLORS[status]} data-testid="entry-status" data-status={status}>
      {ENTRY_STATUS_LABELS[status]}
    </Tag>
  );
}

/** 代码异常 flags: orange until a reviewer accepts it, then marked 已接受. */
export function AnomalyTag({ entry }: { entry: Pick<EntryView, 'codeAnomaly' | 'anomalyAccepted'> }) {
  if (!entry.codeAnomaly) return null;
  if (entry.anomalyAccepted) {
    return (
      <Tooltip title="审核员已记录理由并接受该代码，可以发布">
        <Tag color="green" data-testid="anomaly-tag" data-accepted="true">
          代码异常 · 已接受
        </Tag>
      </Tooltip>
    );
  }
  return (
    <Tooltip title="只有校验位不符，可能是早期试点代码；须经审核员填写理由接受后才能发布">
      <Tag color="orange" data-testid="anomaly-tag" data-accepted="false">
        代码异常
      </Tag>
    </Tooltip>
  );
}

const FLAG_LABELS: Record<string, string> = { id_legacy15: '15 位旧身份证号，需复核' };

/** The code-anomaly tag plus the entry's other flags (unknown flags show as the server names them). */
export function FlagTags({ entry }: { entry: Pick<EntryView, 'codeAnomaly' | 'anomalyAccepted' | 'flags'> }) {
  const others = entry.flags.filter((f) => f !== 'code_anomaly');
  return (
    <Space size={4} wrap>
      <AnomalyTag entry={entry} />
      {others.map((flag) => (
        <Tag key={flag} color="gold">
          {FLAG_LABELS[flag] ?? flag}
        </Tag>
      ))}
    </Space>
  );
}

export const PREVIEW_STATUS_LABELS: Record<PreviewRow['status'], string> = {
  ok: '正常',
  warning: '警告',
  error: '错误',
};
const PREVIEW_COLORS: Record<PreviewRow['status'], string> = {
  ok: 'success',
  warning: 'warning',
  error: 'error',
};

export function PreviewStatusTag({ status }: { status: PreviewRow['status'] }) {
  return (
    <Tag color={PREVIEW_COLORS[status]} data-testid="preview-row-status">
      {PREVIEW_STATUS_LABELS[status]}
    </Tag>
  );
}
