import { z } from 'zod';
import { maskIdentifiers } from '../credit/mask.js';
import { excessCombiningMessage, hasExcessCombining, normaliseText } from '../text.js';

/** The issue code a refused text carries; the error middleware answers 400 `text_invalid`. */
export const TEXT_INVALID = 'text_invalid';

export interface FreeTextOptions {
  /** The field as the user knows it, named in the message when the text is refused. */
  label: string;
  max: number;
  min?: number;
  /** The message when shorter than `min`. */
  minMessage?: string;
  /** Keeps line breaks (bodies of notices); otherwise a line break becomes a space. */
  multiline?: boolean;
}

/**
 * Any free text from a request body that can reach the database or a response: normalised
 * (core/text.ts: controls, bidi and zero-width characters stripped), trimmed, refused with
 * 400 `text_invalid` when it carries a run of combining marks, and every identifier masked
 * (maskIdentifiers) before any service sees it. Lengths are checked on the cleaned text.
 */
export function FreeText(o: FreeTextOptions) {
  return z
    .string()
    .max(o.max * 4)
    .transform((raw, ctx) => {
      const text = normaliseText(raw, { multiline: o.multiline }).trim();
      if (hasExcessCombining(text)) {
        ctx.addIssue({
          code: 'custom',
          message: excessCombiningMessage(o.label),
          params: { code: TEXT_INVALID },
        });
        return z.NEVER;
      }
      return maskIdentifiers(text);
    })
    .pipe(
      z
        .string()
        .min(o.min ?? 0, o.minMessage)
        .max(o.max),
    );
}

/** A name shown on screens or in the admin (person, hall, screen, playlist …): one line. */
export const DisplayName = (label: string, max = 100, minMessage?: string) =>
  FreeText({ label, max, min: 1, minMessage });
