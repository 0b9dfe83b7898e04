// The hello-world baseline, built the way the app's renderer is (Vite, the React plugin, minified).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  logLevel: 'warn',
  plugins: [react()],
  // The bench gives the output folder (HELLO_DIR, outside out/: nothing of it may be packaged with the app).
  build: { minify: true },
});
