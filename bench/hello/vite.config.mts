// The hello-world baseline, built the way the app's renderer is (Vite, the React plugin, minified).
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  logLevel: 'warn',
  plugins: [react()],
  build: { outDir: resolve(import.meta.dirname, '../../out/bench-hello'), emptyOutDir: true, minify: true },
});
