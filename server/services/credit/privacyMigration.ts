import { maskDeep, maskIdentifiers } from '../../../core/credit/mask.js';
import type { BootStep } from '../../store/db.js';
import { createPrivacyStore, type MaskedColumn } from '../../store/privacyStore.js';
import type { Services, Wired } from '../index.js';

export const MASK_STEP = '008_mask_identifiers';
const REASON = '迁移 008：已存储的自由文本中的身份证号、手机号改为脱敏形式';

/** A JSON value with every string inside masked; text that is not JSON is masked as text. */
export function maskJsonText(text: string): string {
  if (maskIdentifiers(text) === text) return text;
  try {
    return JSON.stringify(maskDeep(JSON.parse(text)));
  } catch {
    return maskIdentifiers(text);
  }
}

export interface MaskReport {
  columns: MaskedColumn[];
  audit: ReturnType<Services['audit']['rechain']>;
  /** Categories whose dataset was rebuilt, and the stale bodies dropped. */
  datasets: string[];
  droppedDatasets: number;
  changeId: string | null;
}

/**
 * Masks every identifier already stored in free text (the free-text masking rule): the columns, the audit
 * summaries (re-chained, one 'audit.rechain' record), the datasets rebuilt from the masked
 * entries with a change for every screen, old bodies dropped, and the file compacted so no old
 * copy stays in free pages or the WAL. Idempotent: a second run finds nothing to do.
 */
export function maskStoredIdentifiers(s: Wired): MaskReport {
  const store = createPrivacyStore(s.db);
  const report = s.db.transaction(
    (): MaskReport & { change: ReturnType<Services['changes']['record']> | null } => {
      const columns = store.maskAll(maskIdentifiers, maskJsonText);
      const audit = s.audit.rechain(maskJsonText, REASON);
      const datasets = s.datasets.rebuild();
      const droppedDatasets = store.dropStaleDatasets((body) => maskIdentifiers(body) !== body);
      const change =
        datasets.length > 0
          ? s.changes.record(
              'privacy',
              '名单中的证件号码已脱敏',
              null,
              s.stores.screens.list().map((x) => x.id),
            )
          : null;
      return { columns, audit, datasets, droppedDatasets, changeId: change?.changeId ?? null, change };
    },
  )();
  const { change, ...result } = report;
  if (change) s.changes.publish(change);
  store.compact();
  return result;
}

/** The boot steps, in order (server/store/db.ts runBootSteps runs each once). */
export const bootSteps = (s: Wired): BootStep[] => [{ name: MASK_STEP, run: () => maskStoredIdentifiers(s) }];
