import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './host/static-files';

const root = resolve(__dirname, '..');

/** Writes the one CSP into the built page, so the browser host, app:// and the file agree. */
function contentSecurityPolicyMeta(): Plugin {
  // frame-ancestors is ignored (and warned about) in a meta tag; the servers send it as a header.
  const policy = CONTENT_SECURITY_POLICY.split('; ')
    .filter((d) => !d.startsWith('frame-ancestors'))
    .join('; ');
  return {
    name: 'upi-inspector-csp',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }],
  };
}

export default defineConfig({
  main: {
    // Every library is a devDependency: Vite bundles them all (jose is ESM-only and must be bundled into
    // this CommonJS build anyway), so the packaged app carries out/ and no node_modules.
    build: {
      outDir: resolve(root, 'out/main'),
      rollupOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          host: resolve(root, 'electron/host/index.ts'),
          cli: resolve(root, 'electron/cli/index.ts'),
          // `upi-inspector/node` (package.json exports): the core for plain Node tests.
          node: resolve(root, 'electron/node/index.ts'),
        },
        // out/main/cli.js is the package's `upi-inspector` bin: it needs a shebang.
        output: { banner: (chunk) => (chunk.name === 'cli' ? '#!/usr/bin/env node' : '') },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        // A sandboxed preload can only `require('electron')`: everything else must be bundled, as CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react(), contentSecurityPolicyMeta()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      minify: true,
      // Each screen is a chunk loaded when first shown (App.tsx); everything the shell needs at start-up
      // is one more, so the first paint waits for two scripts, not a dozen small shared ones.
      chunkSizeWarningLimit: 800,
      rollupOptions: {
        input: resolve(root, 'renderer/index.html'),
        output: { codeSplitting: { groups: [{ name: 'shell', tags: ['$initial'] }] } },
      },
    },
  },
});
