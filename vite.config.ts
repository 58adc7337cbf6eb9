import { defineConfig } from 'vitest/config';
import { cspPlugin } from './src/reliability/vite-csp.ts';
import { pwaPlugin } from './src/reliability/pwa-config.ts';

export default defineConfig({
  base: './',
  plugins: [cspPlugin(), pwaPlugin()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    // Every browser the app supports (ES2022) has <link rel=modulepreload>: no polyfill in the first load.
    modulePreload: { polyfill: false },
    // Data files stay files (fetched, cached by the service worker), never base64 inside the script.
    assetsInlineLimit: (file) => (/\.(geojson|csv|json)$/.test(file) ? false : undefined),
    rollupOptions: {
      input: { main: 'index.html', bare: 'src/bench/bare.html', importCore: 'src/bench/import.html' },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'], environment: 'node', testTimeout: 60_000 } },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
