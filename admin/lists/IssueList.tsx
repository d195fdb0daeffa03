import { CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Typography } from 'antd';
import type { RowIssue } from '../../core/protocol/credit.js';

/** 列「统一社会信用代码」：校验码错误 — the column as the file names it, then the message. */
export function formatIssue(issue: Pick<RowIssue, 'column' | 'message'>): string {
  return issue.column ? `列「${issue.column}」：${issue.message}` : issue.message;
}

interface Props {
  errors: RowIssue[];
  warnings: RowIssue[];
  codeAnomaly?: boolean;
}

/** A preview row's errors (red) and warnings (orange), one per line. */
export function IssueList({ errors, warnings, codeAnomaly = false }: Props) {
  if (errors.length === 0 && warnings.length === 0 && !codeAnomaly) {
    return <Typography.Text type="secondary">—</Typography.Text>;
  }
  return (
    <ul
      style={{
        margin: 0,
        paddingInlineStart: 0,
        listStyle: 'none',
        minWidth: 280,
        maxWidth: 440,
        whiteSpace: 'normal',
      }}
      data-testid="row-issues"
    >
      {errors.map((issue) => (
        <li key={`e:${issue.field}:${issue.code}:${issue.message}`} data-testid="row-error">
          <Typography.Text type="danger">
            <CloseCircleFilled /> {formatIssue(issue)}
          </Typography.Text>
        </li>
      ))}
      {warnings.map((issue) => (
        <li key={`w:${issue.field}:${issue.code}:${issue.message}`} data-testid="row-warning">
          <Typography.Text type="warning">
            <ExclamationCircleFilled /> {formatIssue(issue)}
          </Typography.Text>
        </li>
      ))}
      {codeAnomaly && (
        <li data-testid="row-anomaly">
          <Typography.Text type="warning">
            <ExclamationCircleFilled /> 代码异常：将导入并标记，须审核员填写理由接受后才能发布
          </Typography.Text>
        </li>
      )}
    </ul>
  );
}
