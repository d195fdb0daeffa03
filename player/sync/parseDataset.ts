import { Dataset, DatasetEntry } from '../../core/credit/dataset.js';

/** Entries checked between two yields to the event loop. */
const CHUNK = 500;
const Head = Dataset.omit({ entries: true });

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Parses and checks a dataset as the server sent it (JSON text), in chunks: a 10,000-row list
 * on a slow hall box must not stall the animation for the time it takes to check every entry.
 * Throws on anything that is not a dataset (the list is then hidden, never shown stale).
 */
export async function parseDataset(text: string): Promise<Dataset> {
  const raw = JSON.parse(text) as { entries?: unknown };
  const head = Head.parse(raw);
  if (!Array.isArray(raw.entries)) throw new Error('dataset without entries');
  const entries: Dataset['entries'] = [];
  for (let i = 0; i < raw.entries.length; i += CHUNK) {
    if (i > 0) await yieldToEventLoop();
    for (const e of raw.entries.slice(i, i + CHUNK)) entries.push(DatasetEntry.parse(e));
  }
  return { ...head, entries };
}
