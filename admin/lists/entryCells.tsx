import { Badge, Space, Tooltip, Typography } from 'antd';
import { SUBJECT_TYPE_LABELS } from '../../core/credit/dataset.js';
import type { EntryView } from '../../core/protocol/credit.js';
import { rowAttrs } from '../common/rowAttrs.js';
import { formatDateTime } from '../lib/time.js';
import { EntryStatusTag } from './tags.js';

/** Name, with the subject type underneath. */
export function EntryName({ entry }: { entry: EntryView }) {
  return (
    <Space orientation="vertical" size={0}>
      <span>{entry.name}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {SUBJECT_TYPE_LABELS[entry.subjectType]}
        {entry.legalRep ? ` · ${entry.legalRep}` : ''}
      </Typography.Text>
    </Space>
  );
}

/** The masked code, in a fixed-width font. */
export function EntryCode({ entry }: { entry: EntryView }) {
  return <Typography.Text code>{entry.code || '—'}</Typography.Text>;
}

/** '2026-01-05 至 2027-01-05' with the rule set that computed it. */
export function EntryWindow({ entry }: { entry: EntryView }) {
  return (
    <Tooltip title={`公示期规则：${entry.ruleSetVersion}；认定日期 ${entry.decisionDate}`}>
      <span>
        {entry.publishFrom} 至 {entry.publishUntil}
      </span>
    </Tooltip>
  );
}

/** Status tag, why and when it changed, and whether screens show it now. */
export function EntryStatusCell({ entry }: { entry: EntryView }) {
  const tag = <EntryStatusTag status={entry.status} />;
  return (
    <Space size={4} wrap>
      {entry.statusReason ? (
        <Tooltip
          title={`${entry.statusReason}${entry.statusAt === null ? '' : `（${formatDateTime(entry.statusAt)}）`}`}
        >
          {tag}
        </Tooltip>
      ) : (
        tag
      )}
      {entry.onDisplay ? (
        <Badge status="processing" text="上屏中" data-testid="entry-on-display" />
      ) : (
        <Badge status="default" text="未上屏" />
      )}
    </Space>
  );
}

/** An entry's table row as tests find it: by id and status. */
export const entryRow = (e: EntryView) => rowAttrs('entry-row', { 'entry-id': e.id, status: e.status });
