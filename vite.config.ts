/**
 * Vite build of the web app (src/web → dist/web). The server serves dist/web with an SPA
 * fallback; in development `vite` proxies /api to the server on SANQU_API (default :3000).
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repo = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    // The manifest lets tooling measure the initial route (entry + overview chunk).
    manifest: true,
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      treeshake: {
        // antd's @rc-component/* packages are pure ES modules but do not declare
        // "sideEffects": false, so their barrels (e.g. @rc-component/form, reached through
        // antd's ContextIsolator) would be kept whole. Saying so here drops ~15 KiB gzip.
        moduleSideEffects: [{ test: /[\\/]node_modules[\\/]@rc-component[\\/]/, sideEffects: false }],
      },
    },
  },
  server: {
    fs: { allow: [repo] },
    proxy: { '/api': process.env.SANQU_API ?? 'http://127.0.0.1:3000' },
  },
});
