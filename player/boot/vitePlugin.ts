import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HtmlTagDescriptor, Plugin } from 'vite';
import { iconPng } from './icons.js';

interface Asset {
  fileName: string;
  source: string | Buffer;
  type: string;
}

const hashOf = (source: string | Buffer) => createHash('sha256').update(source).digest('hex').slice(0, 10);

function asset(name: string, ext: string, source: string | Buffer, type: string): Asset {
  return { fileName: `assets/${name}-${hashOf(source)}.${ext}`, source, type };
}

/** The web app manifest for one orientation (the page links the one its screen needs). */
function webManifest(orientation: 'landscape' | 'portrait', icons: Asset[]): string {
  return JSON.stringify({
    name: 'HallCast 播放端',
    short_name: 'HallCast',
    lang: 'zh-CN',
    start_url: '/player/',
    scope: '/player/',
    display: 'fullscreen',
    orientation,
    background_color: '#4f060a',
    theme_color: '#8d1116',
    icons: icons.map((i) => {
      const size = /icon-(\d+)/.exec(i.fileName)![1];
      return { src: `/${i.fileName}`, sizes: `${size}x${size}`, type: 'image/png', purpose: 'any maskable' };
    }),
  });
}

/** Everything the player page needs beside its modules: the boot script, the manifests, the icons. */
function playerAssets(root: string): { boot: Asset; landscape: Asset; portrait: Asset; all: Asset[] } {
  const read = (f: string) => readFileSync(join(root, 'player/boot', f), 'utf8');
  const boot = asset('boot', 'js', `${read('builtins.js')}\n${read('bootGuard.js')}`, 'text/javascript');
  const icons = [192, 512].map((s) => asset(`player-icon-${s}`, 'png', iconPng(s), 'image/png'));
  const landscape = asset('player-landscape', 'json', webManifest('landscape', icons), 'application/json');
  const portrait = asset('player-portrait', 'json', webManifest('portrait', icons), 'application/json');
  return { boot, landscape, portrait, all: [boot, landscape, portrait, ...icons] };
}

/**
 * The player page's boot script (player/boot/bootGuard.js after player/boot/builtins.js: one
 * external classic ES5 file, the first script the page runs) and its web app manifests and
 * icons, written to dist/assets/ by name and content hash, and linked from player/index.html.
 */
export function playerBoot(root: string): Plugin {
  let command: 'build' | 'serve' = 'build';
  let assets: ReturnType<typeof playerAssets> | undefined;
  const current = () => {
    assets ??= playerAssets(root);
    return assets;
  };
  return {
    name: 'hallcast-player-boot',
    configResolved(c) {
      command = c.command;
    },
    applyToEnvironment: (env) => env.name === 'player' || command === 'serve',
    buildStart() {
      assets = undefined;
      if (command !== 'build') return;
      for (const a of current().all) this.emitFile({ type: 'asset', fileName: a.fileName, source: a.source });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const a = current().all.find((x) => `/${x.fileName}` === req.url);
        if (!a) return next();
        res.setHeader('Content-Type', a.type);
        res.end(a.source);
      });
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx): HtmlTagDescriptor[] | undefined {
        if (!ctx.filename.endsWith(join('player', 'index.html'))) return undefined;
        const a = current();
        return [
          { tag: 'script', attrs: { src: `/${a.boot.fileName}` }, injectTo: 'head-prepend' },
          {
            tag: 'link',
            attrs: {
              rel: 'manifest',
              href: `/${a.landscape.fileName}`,
              'data-landscape': `/${a.landscape.fileName}`,
              'data-portrait': `/${a.portrait.fileName}`,
            },
            injectTo: 'head',
          },
          { tag: 'meta', attrs: { name: 'theme-color', content: '#8d1116' }, injectTo: 'head' },
          { tag: 'meta', attrs: { name: 'mobile-web-app-capable', content: 'yes' }, injectTo: 'head' },
        ];
      },
    },
  };
}
