// Organisation code (组织机构代码, GB 11714-1997): 8 body characters and a check character.
// Inside a USCC it sits at positions 9-17.

const WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
const BODY = /^[0-9A-Z]{8}$/;

// GB 11714 values digits 0-9 and letters A=10 .. Z=35.
function charValue(c: string): number {
  return Number.parseInt(c, 36);
}

/** Check character for an 8-character organisation-code body; throws on a malformed body. */
export function orgCodeCheckChar(body: string): string {
  if (!BODY.test(body)) throw new RangeError('organisation code body must be 8 characters 0-9 A-Z');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += charValue(body[i]!) * WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  if (c === 10) return 'X';
  if (c === 11) return '0';
  return String(c);
}

/** True when a 9-character organisation code carries its own correct check character. */
export function isValidOrgCode(code: string): boolean {
  if (code.length !== 9 || !BODY.test(code.slice(0, 8))) return false;
  return orgCodeCheckChar(code.slice(0, 8)) === code[8];
}
