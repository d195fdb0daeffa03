import type { Dataset } from '../../core/credit/dataset.js';
import type { Item, Manifest } from '../../core/manifest/types.js';
import { resolve } from '../../core/schedule/index.js';
import type { ResolvedSlot } from '../../core/schedule/types.js';

export interface Choice {
  /** What to show; null means the built-in poster. */
  item: Item | null;
  lists: Dataset[];
  slot: ResolvedSlot | null;
  key: string;
  /** Why the poster shows instead of the scheduled item, if it does. */
  hidden?: 'lists-stale' | 'dataset-failed' | 'nothing-scheduled' | 'unknown-item';
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
 * What the main zone shows now: the schedule's item, unless it is a credit list that must
 * fail closed (stale, or a newer dataset failed to load) — then the built-in poster.
 */
export function choose(input: ChoiceInput): Choice {
  const { manifest, now } = input;
  const slot = resolve(manifest.schedule, { id: manifest.screenId, timezone: manifest.timezone }, now);
  const rev = manifest.revision;
  if (!slot) return { item: null, lists: [], slot, key: `poster:${rev}`, hidden: 'nothing-scheduled' };
  const item = manifest.items.find((i) => i.id === slot.itemId);
  const key = `${slot.itemId}:${rev}:${slot.startsAt}`;
  if (!item)
    return { item: null, lists: [], slot, key: `poster:${rev}:${slot.startsAt}`, hidden: 'unknown-item' };
  if (item.kind !== 'list-board') return { item, lists: [], slot, key };
  if (!input.listsAllowed)
    return { item: null, lists: [], slot, key: `poster:${rev}:${slot.startsAt}`, hidden: 'lists-stale' };
  const { lists, hashes } = listsFor(item, input);
  if (hashes.some((h) => input.failed.has(h) || !input.datasets.has(h))) {
    return { item: null, lists: [], slot, key: `poster:${rev}:${slot.startsAt}`, hidden: 'dataset-failed' };
  }
  return { item, lists, slot, key };
}
