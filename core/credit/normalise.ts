// Whitespace (incl. U+3000 and the zero-width characters pasted in from Excel or chat apps),
// ASCII and full-width hyphens, and the Unicode dashes people type between digit groups.
const SEPARATORS = /[\s\u200B-\u200D\u2060\uFEFF\-\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const FULL_WIDTH = /[\uFF01-\uFF5E]/g;
const FULL_TO_HALF = 0xfee0;

/**
 * Canonical form of an identifier as typed or pasted: no spaces or hyphens, half-width,
 * upper-case. Applied before any USCC or resident-ID check.
 */
export function normaliseIdentifier(s: string): string {
  return s
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - FULL_TO_HALF))
    .replace(SEPARATORS, '')
    .replace(/[a-z]/g, (c) => c.toUpperCase());
}
