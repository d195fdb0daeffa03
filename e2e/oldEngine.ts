/**
 * A modern Chromium made as old as Chromium 69 (the factory WebView of Android 9 signage boxes)
 * as far as a modern engine can be: the built-ins 69 lacks are removed before any script runs,
 * and module workers throw 69's TypeError. Syntax and CSS cannot be made old here; the build
 * test (player-floor-build.spec.ts) guards them.
 */
import type { BrowserContext } from 'playwright-core';

/** An Android 9 box's WebView, as its user agent says. */
export const ANDROID9_WEBVIEW_UA =
  'Mozilla/5.0 (Linux; Android 9; rk3399-box Build/PQ3B.190801.002; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/69.0.3497.100 Mobile Safari/537.36';
/** An Android 7 board whose WebView was never updated. */
export const ANDROID7_WEBVIEW_UA =
  'Mozilla/5.0 (Linux; Android 7.1.2; rk3288 Build/NHG47K; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/52.0.2743.100 Safari/537.36';

/** Removes what Chromium 69 does not have, in a window or a worker (added in 70 and later). */
export const REMOVE_BUILTINS = `(() => {
  const g = self;
  const drop = (o, names) => { for (const n of names) { try { if (o) delete o[n]; } catch {} } };
  drop(Object, ['fromEntries', 'hasOwn', 'groupBy']);
  drop(String.prototype, ['matchAll', 'replaceAll', 'at', 'isWellFormed', 'toWellFormed']);
  drop(Array.prototype, ['at', 'findLast', 'findLastIndex', 'toSorted', 'toReversed', 'toSpliced', 'with']);
  for (const T of [Int8Array, Uint8Array, Float64Array]) drop(Object.getPrototypeOf(T.prototype), ['at', 'findLast', 'findLastIndex', 'toSorted', 'toReversed', 'with']);
  drop(Promise, ['allSettled', 'any', 'withResolvers', 'try']);
  drop(Symbol.prototype, ['description']);
  drop(URL, ['canParse', 'parse']);
  drop(AbortSignal, ['timeout', 'any']);
  drop(AbortSignal.prototype, ['throwIfAborted']);
  drop(Response, ['json']);
  drop(Blob.prototype, ['text', 'arrayBuffer', 'stream', 'bytes']);
  drop(TextEncoder.prototype, ['encodeInto']);
  drop(Intl, ['Locale', 'ListFormat', 'RelativeTimeFormat', 'DisplayNames', 'Segmenter', 'DurationFormat']);
  drop(Intl.DateTimeFormat.prototype, ['formatRange', 'formatRangeToParts']);
  if (g.crypto) drop(Object.getPrototypeOf(g.crypto), ['randomUUID']);
  if (g.Element) drop(Element.prototype, ['replaceChildren']);
  if (g.Document) drop(Document.prototype, ['replaceChildren']);
  if (g.navigator) drop(Object.getPrototypeOf(navigator), ['userAgentData']);
  drop(g, ['structuredClone', 'queueMicrotask', 'WeakRef', 'FinalizationRegistry', 'AggregateError', 'CompressionStream', 'DecompressionStream', 'globalThis']);
})();`;

/** Module workers throw as on Chromium 69; classic ones are counted (\`window.__workers\`). */
export const OLD_WORKER = `(() => {
  const Native = window.Worker;
  const made = (window.__workers = { classic: 0, module: 0 });
  function Worker(url, opts) {
    if (opts && opts.type === 'module') {
      made.module++;
      throw new TypeError("Failed to construct 'Worker': Module scripts are not supported on DedicatedWorker yet. You can try the feature with '--enable-experimental-web-platform-features' flag (see https://crbug.com/680046)");
    }
    made.classic++;
    return new Native(url, opts);
  }
  Worker.prototype = Native.prototype;
  window.Worker = Worker;
})();`;

/**
 * Makes a context's pages, dataset workers and service worker as old as Chromium 69; returns
 * the worker and service-worker scripts the prelude was put in front of.
 */
export async function makeOld(context: BrowserContext): Promise<string[]> {
  const patched: string[] = [];
  await context.addInitScript(`${REMOVE_BUILTINS}\n${OLD_WORKER}`);
  await context.route(/\/assets\/datasetWorker-[\w-]+\.js$|\/player\/sw\.js$/, async (route) => {
    const res = await route.fetch();
    patched.push(new URL(route.request().url()).pathname);
    await route.fulfill({ response: res, body: `${REMOVE_BUILTINS}\n${await res.text()}` });
  });
  return patched;
}
