/** A problem found while reading an import file; `message` is for the user, in Chinese. */
export interface FileIssue {
  code: string;
  message: string;
  /** The column as the user knows it (its Chinese name), when the issue is about one. */
  column?: string;
}

/**
 * Masks anything that looks like a resident ID (15 to 18 digits, maybe ending in X): first 6 and
 * last 4 kept. Numbers that long are rarely anything else, and an error message must never carry a
 * full ID (DOMAIN "Privacy").
 */
export function maskIds(text: string): string {
  return text.replace(
    /(?<![0-9A-Za-z])(\d{6})(\d{5,8})(\d{3}[\dXx])(?![0-9A-Za-z])/g,
    (_m, head, mid, tail) => {
      return `${head}${'*'.repeat(mid.length)}${tail}`;
    },
  );
}

/** Builds an issue; every message goes through `maskIds`. */
export function fileIssue(code: string, message: string, column?: string): FileIssue {
  const issue: FileIssue = { code, message: maskIds(message) };
  if (column !== undefined) issue.column = maskIds(column);
  return issue;
}
