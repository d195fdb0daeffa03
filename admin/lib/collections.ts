/** Replaces the item with the same id, or appends it. */
export function upsertById<T extends { id: string }>(list: T[] | undefined, item: T): T[] {
  if (!list) return [item];
  const index = list.findIndex((x) => x.id === item.id);
  if (index === -1) return [...list, item];
  return list.map((x, i) => (i === index ? item : x));
}

export function removeById<T extends { id: string }>(list: T[] | undefined, id: string): T[] | undefined {
  return list?.filter((x) => x.id !== id);
}

/** id -> name lookup for showing references in tables. */
export function namesById(list: { id: string; name: string }[] | undefined): Map<string, string> {
  return new Map((list ?? []).map((x) => [x.id, x.name]));
}
