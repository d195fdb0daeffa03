import { toHalfWidth } from './text.js';

/**
 * Dates as the import reads them, always to `YYYY-MM-DD`. Everything here works on UTC parts or
 * plain numbers, so the host's time zone never shifts a day.
 */

const DAY_MS = 86_400_000;
/** Days from 1899-12-30 (Excel's effective epoch past the fake 1900-02-29) to 1970-01-01. */
const EPOCH_1900 = 25_569;
const EPOCH_1904 = 24_107;
/** 9999-12-31, the last date Excel knows. */
const MAX_SERIAL = 2_958_465;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** A calendar date from its parts, or null when it does not exist (2020-02-30, month 13). */
export function isoFromParts(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/**
 * An Excel serial day number to a date; the time of day is dropped. In the 1900 system Excel
 * counts the non-existent 1900-02-29 as day 60 (a Lotus 1-2-3 bug kept for compatibility), so
 * days 1-59 are one day later than a plain count and day 60 is no date at all.
 */
export function excelSerialToIso(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial)) return null;
  // A tenth of a second of slack: exceljs rounds to the millisecond on the way to a Date.
  const day = Math.floor(serial + 1e-6);
  if (day < (date1904 ? 0 : 1) || day > MAX_SERIAL) return null;
  if (!date1904 && day === 60) return null;
  const shifted = !date1904 && day < 60 ? day + 1 : day;
  const d = new Date((shifted - (date1904 ? EPOCH_1904 : EPOCH_1900)) * DAY_MS);
  return isoFromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** A Date from exceljs back to the serial it was built from (exceljs builds it in UTC). */
export function excelDateToSerial(d: Date, date1904 = false): number {
  return d.getTime() / DAY_MS + (date1904 ? EPOCH_1904 : EPOCH_1900);
}

/**
 * A Date from exceljs to its calendar date, through the serial: exceljs applies no 1900
 * leap-day fix, and a number typed as 20201030 in a date-formatted cell arrives as a Date too.
 */
export function excelDateToIso(d: Date, date1904 = false): string | null {
  const serial = excelDateToSerial(d, date1904);
  if (Number.isNaN(serial)) return null;
  return toIsoDate(serial, date1904);
}

const SEPARATED =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * `2020-10-30`, `2020/10/30`, `2020.10.30`, `2020年10月30日`, `20201030`, single-digit month and
 * day, full-width digits, and a trailing time (what Excel writes into a CSV for a date-time cell).
 */
export function parseDateText(text: string): string | null {
  const s = toHalfWidth(text).trim();
  const m = SEPARATED.exec(s) ?? COMPACT.exec(s);
  if (!m) return null;
  return isoFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * Any cell value to a date: a Date, a serial, a number typed as 20201030, or text. Null when it
 * is not a real date; the caller reports it.
 */
export function toIsoDate(value: string | number | Date, date1904 = false): string | null {
  if (value instanceof Date) return excelDateToIso(value, date1904);
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 10_000_101 && value <= 99_991_231)
      return parseDateText(String(value));
    return excelSerialToIso(value, date1904);
  }
  return parseDateText(value);
}
