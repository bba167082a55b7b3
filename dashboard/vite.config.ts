import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { join } from 'node:path';

// NOTE: build with NODE_ENV unset or `production`: under NODE_ENV=test (vitest) Vite bundles React's
// development build (test/e2e/support/browser.ts sets it when it builds).
export default defineConfig(() => ({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // GraphiQL and Monaco are big by nature; they load only on /explorer.
    chunkSizeWarningLimit: 3_000,
    rollupOptions: {
      // Three pages: the dashboard, and the public pages for residents (/y-kien) and businesses (/doanh-nghiep), which share nothing with it but React.
      input: { dashboard: join(import.meta.dirname, 'index.html'), public: join(import.meta.dirname, 'y-kien', 'index.html'), business: join(import.meta.dirname, 'doanh-nghiep', 'index.html') },
      onwarn(warning, warn) {
        // GraphiQL's modules start with "use no memo" (a React Compiler hint bundlers drop on purpose).
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  worker: { format: 'es' },
  server: { proxy: { '/graphql': { target: 'http://localhost:4000', ws: true }, '/local': 'http://localhost:4000', '/.well-known': 'http://localhost:4000' } },
}));
