/**
 * Display text as people typed it, minus what they could not have meant to show on a public
 * wall. Decided per kind of character:
 * - stripped (invisible, no meaning a reader could miss): C0/C1 controls (NUL, ESC …; a tab
 *   becomes a space, a line break is kept only in multi-line fields), bidi embeddings, overrides,
 *   isolates and marks (U+202A-202E, U+2066-2069, U+200E/200F, U+061C) that reorder what is
 *   shown, and zero-width characters (U+200B-200D, U+2060, U+FEFF) that hide text inside text;
 * - refused (we cannot guess what was meant): a run of more than MAX_COMBINING combining marks
 *   on one character ("Zalgo" text that paints over the rows above and below).
 * Everything is NFC-normalised first, so a composed and a decomposed é are the same text.
 */
import { maskIdentifiers } from './credit/mask.js';

export const MAX_COMBINING = 3;

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const INVISIBLE = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B-\u200D\u2060\uFEFF]/g;
const COMBINING_RUN = new RegExp(`\\p{M}{${MAX_COMBINING + 1},}`, 'u');

/** NFC, controls, bidi and zero-width characters stripped; see the module comment. */
export function normaliseText(text: string, options: { multiline?: boolean } = {}): string {
  let t = text.normalize('NFC').replace(/\t/g, ' ').replace(/\r\n?/g, '\n');
  if (!options.multiline) t = t.replace(/\n/g, ' ');
  return t.replace(CONTROLS, '').replace(INVISIBLE, '');
}

/** Whether the text has a run of combining marks longer than MAX_COMBINING (refused). */
export function hasExcessCombining(text: string): boolean {
  return COMBINING_RUN.test(text.normalize('NFC'));
}

/**
 * An uploaded file's name as it may be stored and shown: the last path part only, normalised,
 * no leading dots, identifiers masked, at most `max` characters; null when refused (combining
 * marks), '' when nothing is left.
 */
export function safeFileName(name: string, max = 200): string | null {
  const base = normaliseText(name).split(/[\\/]/).at(-1)!.trim();
  if (hasExcessCombining(base)) return null;
  return Array.from(maskIdentifiers(base).replace(/^\.+/, '')).slice(0, max).join('');
}

/** The message for refused text, naming the field as the user knows it. */
export const excessCombiningMessage = (label: string) => `${label}含有过多组合符号，请删除后重试`;
