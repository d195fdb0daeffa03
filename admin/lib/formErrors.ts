import type { FormInstance } from 'antd';
import type { ApiError } from './api.js';

/**
 * Puts the server's field issues (400 with issues[].path such as "name" or "openingHours.0.open")
 * under the matching form fields. Returns false when none matched, so the caller shows the message.
 */
export function applyIssues(form: FormInstance, err: ApiError, fields: readonly string[]): boolean {
  const matched = err.issues.filter((issue) => fields.includes(issue.path.split('.')[0] ?? ''));
  if (matched.length === 0) return false;
  form.setFields(
    matched.map((issue) => ({
      name: issue.path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
      errors: [issue.message],
    })),
  );
  return true;
}
