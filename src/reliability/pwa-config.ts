import { VitePWA } from 'vite-plugin-pwa';

/**
 * The service worker (Workbox 7 via vite-plugin-pwa, generateSW): it precaches the built app and
 * its embedded data (data/*.geojson|csv are emitted as hashed assets), so a second visit opens
 * with the network off. Nothing else is cached at run time: third-party base-map tiles are never
 * stored (their terms; and a stale tile cache grows without bound). `.pmtiles` archives are left
 * out too: they are read with HTTP range requests, which a precache cannot answer. `basemaps.json`
 * is the deployment's to edit after a build: it is fetched from the network first, and the last
 * copy seen is used offline.
 * Registration is the app's (src/reliability/offline.ts), with a notice when a new version waits.
 */
export function pwaPlugin() {
  return VitePWA({
    strategies: 'generateSW',
    registerType: 'prompt',
    injectRegister: false,
    manifest: false,
    workbox: {
      globPatterns: ['**/*.{js,mjs,css,html,svg,png,webp,geojson,csv,json}'],
      globIgnores: ['**/*.pmtiles', '**/node_modules/**', 'basemaps.json'],
      // MapLibre's worker is an .mjs file. The base-map chunk is about 1 MB: above Workbox's 2 MiB default is what must not be missed.
      maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
      cleanupOutdatedCaches: true,
      navigateFallback: 'index.html',
      navigateFallbackDenylist: [/\/src\/bench\//],
      runtimeCaching: [{ urlPattern: /\/basemaps\.json$/, handler: 'NetworkFirst', options: { cacheName: 'jzmap-config', networkTimeoutSeconds: 5 } }],
    },
  });
}
