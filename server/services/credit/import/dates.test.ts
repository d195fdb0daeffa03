import { afterEach, describe, expect, it } from 'vitest';
import { excelDateToIso, excelSerialToIso, isoFromParts, parseDateText, toIsoDate } from './dates.js';

describe('excelSerialToIso', () => {
  it('converts serials in the 1900 system', () => {
    expect(excelSerialToIso(44134)).toBe('2020-10-30');
    expect(excelSerialToIso(44134.99)).toBe('2020-10-30');
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(2958465)).toBe('9999-12-31');
  });

  it('handles the 1900 leap-year bug', () => {
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(59)).toBe('1900-02-28');
    expect(excelSerialToIso(60)).toBeNull();
  });

  it('converts serials in the 1904 system', () => {
    expect(excelSerialToIso(0, true)).toBe('1904-01-01');
    expect(excelSerialToIso(42672, true)).toBe('2020-10-30');
  });

  it('rejects what is no serial', () => {
    for (const v of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, 2958466])
      expect(excelSerialToIso(v)).toBeNull();
  });
});

describe('excelDateToIso', () => {
  it('reads the UTC date exceljs builds, including the 1900 bug days', () => {
    expect(excelDateToIso(new Date(Date.UTC(2020, 9, 30)))).toBe('2020-10-30');
    expect(excelDateToIso(new Date(Date.UTC(2020, 9, 30, 23, 59, 59)))).toBe('2020-10-30');
    // exceljs turns serial 59 into 1900-02-27 and 60 into 1900-02-28.
    expect(excelDateToIso(new Date(Date.UTC(1900, 1, 27)))).toBe('1900-02-28');
    expect(excelDateToIso(new Date(Date.UTC(1900, 1, 28)))).toBeNull();
    expect(excelDateToIso(new Date(Number.NaN))).toBeNull();
  });
});

describe('parseDateText', () => {
  it.each([
    ['2020-10-30', '2020-10-30'],
    ['2020/10/30', '2020-10-30'],
    ['2020.10.30', '2020-10-30'],
    ['2020年10月30日', '2020-10-30'],
    ['2020年10月30', '2020-10-30'],
    ['20201030', '2020-10-30'],
    ['2020-1-5', '2020-01-05'],
    ['2020/1/5', '2020-01-05'],
    ['2020.1.5', '2020-01-05'],
    ['2020年1月5日', '2020-01-05'],
    [' 2020 年 1 月 5 日 ', '2020-01-05'],
    ['２０２０－１０－３０', '2020-10-30'],
    ['2020/10/30 0:00', '2020-10-30'],
    ['2020-10-30 13:45:10', '2020-10-30'],
    ['2020-10-30T13:45:10', '2020-10-30'],
    ['2020-02-29', '2020-02-29'],
  ])('%s -> %s', (text, iso) => {
    expect(parseDateText(text)).toBe(iso);
  });

  it.each([
    '2020-02-30',
    '2019-02-29',
    '2020-13-01',
    '2020-00-10',
    '2020-10-00',
    '20201301',
    '2020-10',
    '10/30/2020',
    '30.10.2020',
    '二〇二〇年十月三十日',
    'abc',
    '',
  ])('%s is not a date', (text) => {
    expect(parseDateText(text)).toBeNull();
  });
});

describe('toIsoDate', () => {
  it('reads a number typed as yyyymmdd before treating it as a serial', () => {
    expect(toIsoDate(20201030)).toBe('2020-10-30');
    expect(toIsoDate(20200230)).toBeNull();
    expect(toIsoDate(44134)).toBe('2020-10-30');
  });

  it('takes Dates and text', () => {
    expect(toIsoDate(new Date(Date.UTC(2021, 0, 2)))).toBe('2021-01-02');
    expect(toIsoDate('2021年1月2日')).toBe('2021-01-02');
  });

  it('checks the calendar', () => {
    expect(isoFromParts(2024, 2, 29)).toBe('2024-02-29');
    expect(isoFromParts(2100, 2, 29)).toBeNull();
    expect(isoFromParts(2000, 2, 29)).toBe('2000-02-29');
  });
});

describe('host time zone', () => {
  const saved = process.env.TZ;
  afterEach(() => {
    process.env.TZ = saved;
  });

  it.each(['UTC', 'Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati'])(
    'gives the same dates under %s',
    (tz) => {
      process.env.TZ = tz;
      expect(excelSerialToIso(44134)).toBe('2020-10-30');
      expect(excelDateToIso(new Date(Date.UTC(2020, 9, 30)))).toBe('2020-10-30');
      expect(parseDateText('2020年1月1日')).toBe('2020-01-01');
      expect(toIsoDate(20201231)).toBe('2020-12-31');
    },
  );
});
