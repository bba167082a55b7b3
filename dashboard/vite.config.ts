import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig(({ command }) => ({
  root: import.meta.dirname,
  plugins: [react()],
  // NOTE: a build is always a production build, also when started from a test runner that sets
  // NODE_ENV=test (React's development build would double every effect under StrictMode).
  define: command === 'build' ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // GraphiQL and Monaco are big by nature; they load only on /explorer.
    chunkSizeWarningLimit: 3_000,
    rollupOptions: {
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
