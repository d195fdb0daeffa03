import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { badRequest } from '../../errors.js';

const weak = (message: string) => badRequest('weak_password', message);
const ADVICE = '请改用 10 位以上、不易猜到的密码，例如几个不相关的词语加数字和符号';

/** Each character one code point above (or below) the one before: abcdefghij, 0987654321. */
function isSequence(p: string): boolean {
  const cps = Array.from(p, (c) => c.codePointAt(0)!);
  if (cps.length < 3) return false;
  const step = cps[1]! - cps[0]!;
  if (Math.abs(step) !== 1) return false;
  // 1234567890 and 0987654321: the digits wrap around through 0.
  return cps.every((c, i) => {
    if (i === 0) return true;
    const d = c - cps[i - 1]!;
    return (
      d === step ||
      (step === 1 && cps[i - 1] === 57 && c === 48) ||
      (step === -1 && cps[i - 1] === 48 && c === 57)
    );
  });
}

/**
 * The strength check every chosen password passes on the server (change, CLI set): no
 * whitespace-only, single-character or sequence passwords, none from the common-passwords list
 * (zxcvbn-ts language-common), and a zxcvbn score of at least `minScore` (0–4), counting the
 * user's own name and user name as guessable.
 */
export function createPasswordPolicy(minScore: number) {
  const zxcvbn = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  const common = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return {
    check(password: string, userInputs: string[] = []): void {
      if (password.trim() === '') throw weak(`密码不能只由空格组成，${ADVICE}`);
      const chars = Array.from(password);
      if (chars.every((c) => c === chars[0])) throw weak(`密码不能由同一个字符重复组成，${ADVICE}`);
      if (isSequence(password))
        throw weak(`密码不能是连续的字母或数字（如 1234567890、abcdefghij），${ADVICE}`);
      if (common.has(password.toLowerCase())) throw weak(`这是常见密码，很容易被猜到，${ADVICE}`);
      const inputs = userInputs.filter((s) => s.length > 0);
      const result = zxcvbn.check(password, inputs);
      if (result.score < minScore) {
        const lower = password.toLowerCase();
        const own = inputs.some((s) => s.length >= 3 && lower.includes(s.toLowerCase()));
        throw weak(
          own
            ? `密码不能包含用户名或姓名，${ADVICE}`
            : `密码强度不足（${result.score} / 4，至少需要 ${minScore}），${ADVICE}`,
        );
      }
    },
  };
}
export type PasswordPolicy = ReturnType<typeof createPasswordPolicy>;
