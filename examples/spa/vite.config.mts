import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * `npm run example:spa` serves the example on SPA_PORT (default 5173) against the Gatehouse at GATEHOUSE_URL (default
 * http://localhost:8080) as the client SPA_CLIENT_ID (default spa-app); GOOGLE_CLIENT_ID shows "Sign in with Google".
 * The values are built into the bundle: none of them is a secret (a browser client has none).
 */
const env = (name: string, fallback: string) => JSON.stringify(process.env[name] || fallback);

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  define: {
    __GATEHOUSE_URL__: env('GATEHOUSE_URL', 'http://localhost:8080'),
    __SPA_CLIENT_ID__: env('SPA_CLIENT_ID', 'spa-app'),
    __GOOGLE_CLIENT_ID__: env('GOOGLE_CLIENT_ID', ''),
  },
  server: { port: Number(process.env.SPA_PORT || 5173), strictPort: true, host: 'localhost' },
  preview: { port: Number(process.env.SPA_PORT || 5173), strictPort: true, host: 'localhost' },
  build: { outDir: process.env.SPA_OUT_DIR || 'dist', emptyOutDir: true },
  clearScreen: false,
});
