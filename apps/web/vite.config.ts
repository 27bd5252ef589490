import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the API runs as a separate process (apps/server); Vite forwards API and probe paths to it.
const apiTarget = `http://127.0.0.1:${process.env.KABINET_API_PORT ?? 3000}`;
const proxy = Object.fromEntries(
  ['/api', '/healthz', '/readyz', '/metrics'].map((path) => [path, apiTarget]),
);

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    // bench/web-size.ts reads dist/.vite/manifest.json to find what the first screens load.
    manifest: true,
  },
  server: { proxy },
  preview: { proxy },
});
