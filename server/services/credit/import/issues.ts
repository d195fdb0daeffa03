import { maskIdentifiers } from '../../../../core/credit/mask.js';

/** A problem found while reading an import file; `message` is for the user, in Chinese. */
export interface FileIssue {
  code: string;
  message: string;
  /** The column as the user knows it (its Chinese name), when the issue is about one. */
  column?: string;
}

/**
 * Masks every identifier in a message or cell (the one free-text mask of core/credit): an error
 * message must never carry a full ID (docs/DOMAIN.md "Privacy").
 */
export const maskIds = maskIdentifiers;

/** Builds an issue; every message goes through `maskIds`. */
export function fileIssue(code: string, message: string, column?: string): FileIssue {
  const issue: FileIssue = { code, message: maskIds(message) };
  if (column !== undefined) issue.column = maskIds(column);
  return issue;
}
