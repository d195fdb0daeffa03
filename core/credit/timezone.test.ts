import { afterEach, describe, expect, it } from 'vitest';
import { periodEnd } from './dates.js';
import { makeResidentId, validateResidentId } from './residentId.js';
import { publicationWindow } from './window.js';
import { BLACK_2026, COURT_DISHONEST_DEBTOR, RED_DEFAULT } from './windowRules.js';

// Results must not depend on the host timezone. CI also runs the whole folder under TZ=UTC and
// TZ=Asia/Shanghai; this test switches zones inside one process (Node re-reads TZ on change).
const ZONES = ['UTC', 'Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];
const originalTz = process.env.TZ;

function snapshot(): unknown[] {
  const dates = ['2026-01-15', '2026-01-31', '2026-03-31', '2026-04-01', '2024-02-29', '2026-12-31'];
  return dates.flatMap((decisionDate) => [
    publicationWindow({ decisionDate, rules: BLACK_2026, severity: '一般' }),
    publicationWindow({ decisionDate, rules: BLACK_2026, severity: '严重' }),
    publicationWindow({ decisionDate, rules: COURT_DISHONEST_DEBTOR }),
    publicationWindow({ decisionDate, rules: RED_DEFAULT }),
    periodEnd(decisionDate, 1),
    validateResidentId(makeResidentId('110105', '2026-04-01', '002'), { today: decisionDate }),
  ]);
}

afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe('timezone independence', () => {
  it('gives the same results in every zone', () => {
    process.env.TZ = 'UTC';
    const reference = snapshot();
    for (const zone of ZONES) {
      process.env.TZ = zone;
      expect(snapshot(), zone).toEqual(reference);
    }
  });
});
