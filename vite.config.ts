import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { playerBoot } from './player/boot/vitePlugin.js';

const root = import.meta.dirname;
const outDir = resolve(root, 'dist');

/**
 * Two apps, two builds into dist/. The admin runs on the office's PCs and keeps Vite's default
 * target. The kiosk player runs on Android signage boxes whose factory WebView is Chromium 69
 * (docs/android-boxes.md): its own build lowers its syntax (app, dataset worker and service
 * worker) to chrome69, and code shared by both apps is built twice rather than lowered for the
 * admin. `vite build` builds both (the builder), the admin first since it empties dist/.
 */
export default defineConfig({
  plugins: [react(), playerBoot(root)],
  root,
  base: '/',
  publicDir: false,
  // The dataset worker is a classic worker (Chromium 69 has no module workers) lowered like the
  // player: Vite bundles workers in an environment of their own, with the admin's target unless
  // told. Only the player has a worker.
  worker: { format: 'iife', rolldownOptions: { transform: { target: 'chrome69' } } },
  builder: {
    async buildApp(builder) {
      await builder.build(builder.environments.client!);
      await builder.build(builder.environments.player!);
    },
  },
  environments: {
    client: {
      build: {
        outDir,
        emptyOutDir: true,
        chunkSizeWarningLimit: 2000,
        rollupOptions: { input: { admin: resolve(root, 'admin/index.html') } },
      },
    },
    player: {
      consumer: 'client',
      build: {
        outDir,
        emptyOutDir: false,
        target: 'chrome69',
        cssTarget: 'chrome69',
        chunkSizeWarningLimit: 2000,
        rollupOptions: {
          input: {
            player: resolve(root, 'player/index.html'),
            // The player's service worker: a fixed name, served at /player/sw.js (scope /player/).
            sw: resolve(root, 'player/sw.ts'),
          },
          output: {
            entryFileNames: (chunk) => (chunk.name === 'sw' ? 'player/sw.js' : 'assets/[name]-[hash].js'),
          },
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/media': 'http://127.0.0.1:8080',
      '/datasets': 'http://127.0.0.1:8080',
      '/socket.io': { target: 'ws://127.0.0.1:8080', ws: true },
    },
  },
});
