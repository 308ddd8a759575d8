import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// Served by the API from the same origin at /tab/ (no CORS); `npm run build:tab` writes tab/dist.
export default defineConfig({
  root,
  base: '/tab/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      // The MSAL redirect bridge is its own tiny page: the sign-in popup must not boot the whole tab.
      input: { main: `${root}index.html`, 'auth-redirect': `${root}auth-redirect.html` },
    },
  },
  server: { proxy: { '/api': process.env.API_URL ?? 'http://localhost:3978' } },
});
