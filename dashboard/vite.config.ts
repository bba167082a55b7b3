import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: { proxy: { '/graphql': { target: 'http://localhost:4000', ws: true }, '/local': 'http://localhost:4000', '/.well-known': 'http://localhost:4000' } },
});
