/** Full-width ASCII forms (Ａ, （, ：, ＊, ２) to half-width, the ideographic space to a space. */
export function toHalfWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/** Trims whitespace, including the full-width space and the zero-width characters pasting brings. */
export function cleanText(s: string): string {
  return s.replace(/^[\s\u200B-\u200D\uFEFF]+|[\s\u200B-\u200D\uFEFF]+$/g, '');
}

/** Column number (1-based) to its letters: 1 -> A, 28 -> AB. */
export function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** A number as Excel shows it in General format, never with an exponent: 15 significant digits. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  const p = Number(n.toPrecision(15));
  if (Number.isInteger(p)) return BigInt(p).toString();
  const s = String(p);
  if (!/e/i.test(s)) return s;
  return p.toFixed(20).replace(/\.?0+$/, '');
}
