/**
 * The player's Chromium 69 floor, checked on the built files (docs/android-boxes.md). Syntax:
 * acorn at ES2019 (modules with `import.meta` swapped for an identifier; the dataset worker and
 * the service worker as scripts) and the boot script at ES5. CSS: every declaration of the
 * player's built style sheets and of its page's inline style, looked up in
 * @mdn/browser-compat-data for Chrome 69: properties, value keywords, functions, units, and the
 * selectors' pseudo-classes and at-rules. A modern engine cannot catch any of these.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import bcd, { type Identifier, type SimpleSupportStatement } from '@mdn/browser-compat-data';
import { type Options, parse } from 'acorn';

export const FLOOR = 69;

const CSS = bcd.css as unknown as Record<
  'properties' | 'types' | 'selectors' | 'at-rules',
  Record<string, Identifier>
>;

export type FileKind = 'module' | 'worker' | 'boot' | 'css';
export interface PlayerFile {
  path: string;
  kind: FileKind;
}

/** Every file the player page loads, following the references from dist/player/index.html. */
export function playerFiles(dist: string): PlayerFile[] {
  const html = readFileSync(join(dist, 'player/index.html'), 'utf8');
  const seen = new Map<string, PlayerFile>();
  const visit = (name: string) => {
    const path = join(dist, 'assets', name);
    if (seen.has(path) || !existsSync(path)) return;
    const kind: FileKind = name.endsWith('.css')
      ? 'css'
      : name.startsWith('boot-')
        ? 'boot'
        : name.startsWith('datasetWorker-')
          ? 'worker'
          : 'module';
    seen.set(path, { path, kind });
    if (kind === 'css') return;
    for (const m of readFileSync(path, 'utf8').matchAll(/(?:\/assets\/|\.\/)([\w.-]+\.(?:js|css))/g))
      visit(m[1]!);
  };
  for (const m of html.matchAll(/(?:src|href)="\/assets\/([\w.-]+\.(?:js|css))"/g)) visit(m[1]!);
  const sw = join(dist, 'player/sw.js');
  const files = [...seen.values(), { path: sw, kind: 'worker' as const }];
  for (const m of readFileSync(sw, 'utf8').matchAll(/(?:\/assets\/|\.\/)([\w.-]+\.js)/g)) {
    if (!seen.has(join(dist, 'assets', m[1]!)))
      files.push({ path: join(dist, 'assets', m[1]!), kind: 'worker' });
  }
  return files;
}

/** Acorn's complaint about a file at the floor's syntax, or null when it parses. */
export function syntaxProblem(file: PlayerFile): string | null {
  const text = readFileSync(file.path, 'utf8');
  const opts: Options =
    file.kind === 'boot'
      ? { ecmaVersion: 5, sourceType: 'script' }
      : { ecmaVersion: 2019, sourceType: file.kind === 'module' ? 'module' : 'script' };
  // Chromium 64 has import.meta; acorn only knows it from ES2020.
  const source = file.kind === 'module' ? text.replace(/\bimport\.meta\b/g, 'import_meta') : text;
  try {
    parse(source, opts);
    return null;
  } catch (err) {
    const pos = (err as { pos?: number }).pos ?? 0;
    return `${basename(file.path)}: ${(err as Error).message} near ${JSON.stringify(source.slice(pos - 40, pos + 40))}`;
  }
}

function supported(id: Identifier | undefined, prefix?: string): boolean | undefined {
  const raw = id?.__compat?.support.chrome;
  if (!raw) return undefined;
  const list = (Array.isArray(raw) ? raw : [raw]) as SimpleSupportStatement[];
  return list.some((s) => {
    if (s.flags || s.partial_implementation || s.alternative_name) return false;
    if ((s.prefix ?? undefined) !== prefix) return false;
    const added: unknown = s.version_added;
    if (typeof added !== 'string' || !/^[≤\d]/.test(added)) return added === true;
    if (Number.parseFloat(added.replace('≤', '')) > FLOOR) return false;
    return !(typeof s.version_removed === 'string' && Number.parseFloat(s.version_removed) <= FLOOR);
  });
}

/** Every function name under css.types (gradients, transform functions, min(), …). */
const FUNCTIONS = (() => {
  const out = new Map<string, Identifier>();
  const walk = (node: Identifier, depth: number) => {
    for (const [k, v] of Object.entries(node)) {
      if (k === '__compat' || depth > 3) continue;
      if (!out.has(k)) out.set(k, v as Identifier);
      walk(v as Identifier, depth + 1);
    }
  };
  walk(CSS.types as unknown as Identifier, 0);
  return out;
})();

const UNIT_KEYS: Record<string, string> = {
  dvh: 'viewport_percentage_units_dynamic',
  dvw: 'viewport_percentage_units_dynamic',
  svh: 'viewport_percentage_units_small',
  svw: 'viewport_percentage_units_small',
  lvh: 'viewport_percentage_units_large',
  lvw: 'viewport_percentage_units_large',
};
for (const u of ['cqw', 'cqh', 'cqi', 'cqb', 'cqmin', 'cqmax']) UNIT_KEYS[u] = 'container_query_length_units';
for (const u of ['lh', 'rlh', 'cap', 'ic', 'vi', 'vb', 'rex', 'rch', 'rcap', 'ric']) UNIT_KEYS[u] = u;

interface Rule {
  selector: string;
  decls: Array<[string, string]>;
  atRules: string[];
}

/** Splits on `sep` outside quotes and parentheses (data: URLs hold `;`). */
function splitTop(text: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === sep && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

/** The style rules of a style sheet, each with the at-rules around it. */
export function cssRules(css: string): Rule[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const rules: Rule[] = [];
  const stack: string[] = [];
  let buf = '';
  let quote = '';
  let paren = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      buf += c;
      if (c === '\\') buf += text[++i] ?? '';
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    if (c === '(') paren++;
    if (c === ')') paren--;
    if (c === '{' && paren === 0) {
      stack.push(buf.trim());
      buf = '';
    } else if (c === '}' && paren === 0) {
      const head = stack.pop() ?? '';
      const body = buf.trim();
      buf = '';
      if (body && !head.startsWith('@')) {
        const decls = splitTop(body, ';')
          .map((d) => d.trim())
          .filter(Boolean)
          .map((d) => {
            const at = d.indexOf(':');
            return [d.slice(0, at).trim().toLowerCase(), d.slice(at + 1).trim()] as [string, string];
          });
        rules.push({ selector: head, decls, atRules: stack.filter((s) => s.startsWith('@')) });
      } else if (body && head.startsWith('@font-face')) {
        // Descriptors, not properties: not looked up.
      }
    } else buf += c;
  }
  return rules;
}

function valueProblems(prop: string, value: string): string[] {
  const out: string[] = [];
  const node = CSS.properties[prop];
  const bare = value.replace(/"[^"]*"|'[^']*'/g, '""').replace(/url\([^)]*\)/g, ' ');
  for (const m of bare.matchAll(/([a-z-]+)\(/g)) {
    const fn = m[1]!;
    if (fn === 'url' || fn.startsWith('-')) continue;
    const id = node?.[fn] ?? FUNCTIONS.get(fn);
    if (id && supported(id) === false) out.push(`${fn}()`);
  }
  for (const m of bare.matchAll(/(?<![\w-])[\d.]+([a-z]+)\b/g)) {
    const key = UNIT_KEYS[m[1]!];
    const id = key ? CSS.types.length?.[key] : undefined;
    if (id && supported(id) === false) out.push(`unit ${m[1]}`);
  }
  for (const m of bare.matchAll(/(?<![\w(-])([a-z][a-z-]*)(?![\w(-])/g)) {
    const id = node?.[m[1]!];
    if (id && supported(id) === false) out.push(`${prop}: ${m[1]}`);
  }
  return out;
}

/** What a style sheet uses that Chrome 69 lacks (each with its selector), none when it is fit. */
export function cssProblems(css: string): string[] {
  const rules = cssRules(css);
  const displays = new Map<string, Set<string>>();
  for (const r of rules) {
    for (const [p, v] of r.decls)
      if (p === 'display') displays.set(r.selector, (displays.get(r.selector) ?? new Set()).add(v));
  }
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (what: string) => {
    if (!seen.has(what)) out.push(what);
    seen.add(what);
  };
  for (const r of rules) {
    for (const at of r.atRules) {
      const name = /^@([\w-]+)/.exec(at)?.[1];
      if (name && supported(CSS['at-rules'][name]) === false) add(`@${name} (${r.selector})`);
    }
    for (const m of r.selector.matchAll(/::?([a-z-]+)/g)) {
      if (supported(CSS.selectors[m[1]!]) === false) add(`selector :${m[1]} (${r.selector})`);
    }
    for (const [prop, value] of r.decls) {
      if (prop.startsWith('--')) continue;
      const prefix = /^-(webkit|moz|ms|o)-/.exec(prop)?.[0];
      const name = prefix ? prop.slice(prefix.length) : prop;
      const node = CSS.properties[name];
      if (!node) {
        add(`unknown property ${prop} (${r.selector})`);
        continue;
      }
      if (!supported(node, prefix)) add(`${prop} (${r.selector})`);
      if (/^(gap|row-gap|column-gap|grid-gap)$/.test(name)) {
        const grid = [...(displays.get(r.selector) ?? [])].some((d) => d.includes('grid'));
        if (!grid && !supported(node.flex_context)) add(`${prop} on a flex container (${r.selector})`);
      }
      for (const p of valueProblems(name, value)) add(`${p} (${r.selector})`);
    }
  }
  return out;
}

/** The inline <style> of the player's page. */
export function inlineStyle(html: string): string {
  return [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n');
}
