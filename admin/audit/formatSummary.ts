const ONE_LINE_MAX = 100;

/** {"a":1,"b":[1,2]} -> '{ "a": 1, "b": [1, 2] }' (no spaces are added inside strings). */
function spaced(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(spaced).join(', ')}]`;
  if (value && typeof value === 'object') {
    const parts = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${spaced(v)}`);
    return parts.length === 0 ? '{}' : `{ ${parts.join(', ')} }`;
  }
  return JSON.stringify(value) ?? String(value);
}

/**
 * An audit summary for a table cell: '' for nothing, a string as is, a small object on one line,
 * a larger one indented (the cell shows it in a scrolling <pre>).
 */
export function formatSummary(summary: unknown): { text: string; multiline: boolean } {
  if (summary === null || summary === undefined) return { text: '', multiline: false };
  if (typeof summary === 'string') return { text: summary, multiline: false };
  const line = spaced(summary);
  if (line.length <= ONE_LINE_MAX) return { text: line, multiline: false };
  return { text: JSON.stringify(summary, null, 2), multiline: true };
}
