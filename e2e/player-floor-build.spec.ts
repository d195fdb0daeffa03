// The player's Chromium 69 floor on the built files (run after `hallcast build-if-stale`): syntax
// by acorn, CSS by @mdn/browser-compat-data. A modern engine cannot catch either, so this is the
// only guard of them (docs/android-boxes.md).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cssProblems, inlineStyle, type PlayerFile, playerFiles, syntaxProblem } from './floorCheck.js';

const DIST = join(import.meta.dirname, '..', 'dist');

describe('the player meets Chromium 69', () => {
  const files = playerFiles(DIST);

  it('finds the page script, the app chunk, the styles, the dataset worker and the service worker', () => {
    const kinds = files.map((f) => f.kind);
    expect(kinds.filter((k) => k === 'boot')).toHaveLength(1);
    expect(kinds).toContain('module');
    expect(kinds).toContain('css');
    expect(files.some((f) => /datasetWorker-/.test(f.path) && f.kind === 'worker')).toBe(true);
    expect(files.some((f) => f.path.endsWith(join('player', 'sw.js')))).toBe(true);
  });

  it('every script parses at ES2019 (modules and classic workers) and the boot script at ES5', () => {
    expect(files.filter((f) => f.kind !== 'css').map(syntaxProblem)).toEqual(
      files.filter((f) => f.kind !== 'css').map(() => null),
    );
  });

  it('the boot script is the page’s first script, classic (not a module)', () => {
    const html = readFileSync(join(DIST, 'player/index.html'), 'utf8');
    const first = /<script\b[^>]*>/.exec(html)?.[0] ?? '';
    expect(first).toMatch(/src="\/assets\/boot-[0-9a-f]+\.js"/);
    expect(first).not.toContain('type="module"');
  });

  it('the worker and the service worker install the missing built-ins before their own code', () => {
    for (const f of files.filter((x) => x.kind === 'worker')) {
      const text = readFileSync(f.path, 'utf8');
      expect(text.indexOf('fromEntries'), f.path).toBeGreaterThan(-1);
      expect(text.indexOf('fromEntries'), f.path).toBeLessThan(2000);
    }
  });

  it('every declaration of the built CSS and of the page’s inline style is in Chrome 69', () => {
    const problems = files
      .filter((f) => f.kind === 'css')
      .flatMap((f) => cssProblems(readFileSync(f.path, 'utf8')));
    expect(problems).toEqual([]);
    expect(cssProblems(inlineStyle(readFileSync(join(DIST, 'player/index.html'), 'utf8')))).toEqual([]);
  });
});

describe('the floor checks fail what they guard', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hc-floor-'));
  const file = (name: string, text: string, kind: PlayerFile['kind']): PlayerFile => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return { path, kind };
  };

  it.each([
    ['optional chaining', 'export const a = b?.c;'],
    ['nullish coalescing', 'export const a = b ?? 1;'],
    ['class fields', 'export class A { x = 1; }'],
    ['logical assignment', 'let a; a ||= 1; export { a };'],
  ])('acorn rejects %s in a module', (_, code) => {
    expect(syntaxProblem(file('m.js', code, 'module'))).not.toBeNull();
  });

  it('accepts import.meta in a module, rejects const in the boot script', () => {
    expect(
      syntaxProblem(file('m.js', 'export const u = new URL("./w.js", import.meta.url);', 'module')),
    ).toBeNull();
    expect(syntaxProblem(file('b.js', 'const a = 1;', 'boot'))).not.toBeNull();
    expect(syntaxProblem(file('b.js', 'var a = [1, 2,]; f(a);', 'boot'))).toBeNull();
    expect(syntaxProblem(file('b.js', 'f(a, b,);', 'boot'))).not.toBeNull();
  });

  it('flags flex gap but not grid gap, inset, container units, min() and the rotate property', () => {
    expect(cssProblems('.a{display:flex;gap:4px}')).toHaveLength(1);
    expect(cssProblems('.a{display:grid;gap:4px}')).toEqual([]);
    expect(cssProblems('.a{position:absolute;inset:var(--x)}')).toHaveLength(1);
    expect(cssProblems('.a{container-type:size}').length).toBeGreaterThan(0);
    expect(cssProblems('.a{font-size:calc(100cqh / 10)}')).toHaveLength(1);
    expect(cssProblems('.a{font-size:min(1px,2px)}')).toHaveLength(1);
    expect(cssProblems('.a{rotate:90deg}')).toHaveLength(1);
    expect(cssProblems('.a{aspect-ratio:16/9}')).toHaveLength(1);
    expect(cssProblems('.a{transform:rotate(90deg);top:0;-webkit-user-select:none}')).toEqual([]);
    expect(cssProblems('.a:is(.b){color:red}')).toHaveLength(1);
  });
});
