import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { EntryView } from '../../core/protocol/credit.js';
import { entryEditDiff, entryFormValues } from './entryForm.js';

const entry = {
  name: '张*',
  legalRep: '',
  reason: '拒不履行生效法律文书',
  basis: '',
  docNo: '（2026）闽01执1号',
  authority: '某市中级人民法院',
  decisionDate: '2026-03-02',
  severity: null,
  publishFrom: '2026-03-02',
  publishUntil: '2028-03-02',
} as unknown as EntryView;

describe('entryEditDiff', () => {
  it('sends nothing for an untouched form (never a masked name back)', () => {
    expect(entryEditDiff(entry, entryFormValues(entry))).toEqual({});
  });

  it('sends only the changed fields, dates as YYYY-MM-DD', () => {
    const values = { ...entryFormValues(entry), reason: ' 已更正事由 ', publishUntil: dayjs('2027-03-02') };
    expect(entryEditDiff(entry, values)).toEqual({ reason: '已更正事由', publishUntil: '2027-03-02' });
  });
});
