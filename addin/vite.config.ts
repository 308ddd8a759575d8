import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// Served by the API from the same origin at /addin/ (no CORS); `npm run build:addin` writes addin/dist.
// The manifest opens /addin/taskpane.html; office.js stays an external CDN script (see taskpane.html).
export default defineConfig({
  root,
  base: '/addin/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: { input: { taskpane: `${root}taskpane.html` } },
  },
  server: { proxy: { '/api': process.env.API_URL ?? 'http://localhost:3978' } },
});
