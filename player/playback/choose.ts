import type { Dataset } from '../../core/credit/dataset.js';
import type { Item, Manifest } from '../../core/manifest/types.js';
import { resolve } from '../../core/schedule/index.js';
import type { ResolvedSlot, Schedule } from '../../core/schedule/types.js';

export interface Choice {
  /** What to show; null means the built-in poster. */
  item: Item | null;
  lists: Dataset[];
  slot: ResolvedSlot | null;
  key: string;
  /** Why the poster shows instead of a scheduled item, if it does. */
  hidden?: 'nothing-scheduled' | 'unknown-item';
}

export interface ChoiceInput {
  manifest: Manifest;
  datasets: Map<string, Dataset>;
  failed: Set<string>;
  now: number;
  /** Credit lists may show: the clock is trusted and the stale window has not passed. */
  listsAllowed: boolean;
}

/** The datasets a list board's selector names in this manifest. */
export function listsFor(
  item: Item,
  input: Pick<ChoiceInput, 'manifest' | 'datasets'>,
): { lists: Dataset[]; hashes: string[] } {
  if (item.kind !== 'list-board') return { lists: [], hashes: [] };
  const { listType, categoryIds } = item.selector;
  const hashes = input.manifest.datasets
    .filter((d) => d.listType === listType && (categoryIds === 'all' || categoryIds.includes(d.categoryId)))
    .map((d) => d.hash);
  return { lists: hashes.flatMap((h) => input.datasets.get(h) ?? []), hashes };
}

/**
 * The list boards that must not show now (fail closed): all of them when lists may not show,
 * else those whose datasets failed to load or are not loaded.
 */
export function hiddenBoards(input: ChoiceInput): Set<string> {
  const out = new Set<string>();
  for (const item of input.manifest.items) {
    if (item.kind !== 'list-board') continue;
    if (!input.listsAllowed) {
      out.add(item.id);
      continue;
    }
    const { hashes } = listsFor(item, input);
    if (hashes.some((h) => input.failed.has(h) || !input.datasets.has(h))) out.add(item.id);
  }
  return out;
}

const derived = new WeakMap<Schedule, Map<string, Schedule>>();

/**
 * The schedule without the hidden boards' entries, so their airtime goes to campaign content (or
 * the other lists) exactly as core/schedule gives away the share of lists with nothing to play.
 * Kept per schedule object and hidden set, so the compiled schedule is reused across ticks.
 */
export function withoutBoards(schedule: Schedule, hidden: Set<string>): Schedule {
  if (hidden.size === 0) return schedule;
  const key = [...hidden].sort().join(',');
  let byKey = derived.get(schedule);
  if (!byKey) {
    byKey = new Map();
    derived.set(schedule, byKey);
  }
  let s = byKey.get(key);
  if (!s) {
    s = {
      ...schedule,
      playlists: schedule.playlists.map((p) => ({
        ...p,
        entries: p.entries.filter((e) => !hidden.has(e.itemId)),
      })),
    };
    byKey.set(key, s);
  }
  return s;
}

/**
 * What the main zone shows now: the schedule's item, resolved on a schedule from which the
 * credit lists that must fail closed (stale window, untrusted clock, dataset not loaded) are
 * taken out; the built-in poster when nothing is left to play.
 */
export function choose(input: ChoiceInput): Choice {
  const { manifest, now } = input;
  const schedule = withoutBoards(manifest.schedule, hiddenBoards(input));
  const slot = resolve(schedule, { id: manifest.screenId, timezone: manifest.timezone }, now);
  const rev = manifest.revision;
  if (!slot) return { item: null, lists: [], slot, key: `poster:${rev}`, hidden: 'nothing-scheduled' };
  const item = manifest.items.find((i) => i.id === slot.itemId);
  const key = `${slot.itemId}:${rev}:${slot.startsAt}`;
  if (!item)
    return { item: null, lists: [], slot, key: `poster:${rev}:${slot.startsAt}`, hidden: 'unknown-item' };
  return { item, lists: listsFor(item, input).lists, slot, key };
}
