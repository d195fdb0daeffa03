import dayjs, { type Dayjs } from 'dayjs';
import type { EntryEdit, EntryView } from '../../core/protocol/credit.js';

type Severity = NonNullable<EntryEdit['severity']>;

/** The entry form's values: dates as dayjs for the pickers. */
export interface EntryFormValues {
  name: string;
  legalRep: string;
  reason: string;
  basis: string;
  docNo: string;
  authority: string;
  decisionDate: Dayjs | null;
  severity: Severity | null;
  publishFrom: Dayjs | null;
  publishUntil: Dayjs | null;
}

const TEXT_FIELDS = ['name', 'legalRep', 'reason', 'basis', 'docNo', 'authority'] as const;
const DATE_FIELDS = ['decisionDate', 'publishFrom', 'publishUntil'] as const;

const toDay = (iso: string) => (iso ? dayjs(iso) : null);
const toIso = (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : '');

export function entryFormValues(entry: EntryView): EntryFormValues {
  return {
    name: entry.name,
    legalRep: entry.legalRep,
    reason: entry.reason,
    basis: entry.basis,
    docNo: entry.docNo,
    authority: entry.authority,
    decisionDate: toDay(entry.decisionDate),
    severity: (entry.severity as Severity | null) ?? null,
    publishFrom: toDay(entry.publishFrom),
    publishUntil: toDay(entry.publishUntil),
  };
}

/**
 * Only the fields the user changed. The entry carries masked values (a person's name as 张*):
 * sending an untouched one back would overwrite the stored value with its mask.
 */
export function entryEditDiff(entry: EntryView, values: EntryFormValues): EntryEdit {
  const edit: EntryEdit = {};
  for (const field of TEXT_FIELDS) {
    const value = (values[field] ?? '').trim();
    if (value !== entry[field]) edit[field] = value;
  }
  for (const field of DATE_FIELDS) {
    const value = toIso(values[field]);
    if (value && value !== entry[field]) edit[field] = value;
  }
  if ((values.severity ?? null) !== (entry.severity ?? null)) edit.severity = values.severity ?? null;
  return edit;
}
