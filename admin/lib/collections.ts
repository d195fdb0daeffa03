/** id -> name lookup for showing references in tables. */
export function namesById(list: { id: string; name: string }[] | undefined): Map<string, string> {
  return new Map((list ?? []).map((x) => [x.id, x.name]));
}
