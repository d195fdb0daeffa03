import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

/** One config, two apps: the admin and the kiosk player, built into dist/. */
export default defineConfig({
  plugins: [react()],
  root,
  base: '/',
  publicDir: false,
  build: {
    outDir: resolve(root, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: {
        admin: resolve(root, 'admin/index.html'),
        player: resolve(root, 'player/index.html'),
        // The player's service worker: a fixed name, served at /player/sw.js (scope /player/).
        sw: resolve(root, 'player/sw.ts'),
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'sw' ? 'player/sw.js' : 'assets/[name]-[hash].js'),
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
