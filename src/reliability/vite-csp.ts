import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { baseMapSources, buildCsp, withCspMeta } from './csp.ts';

/** Reads the base-map hosts from a basemaps.json (absent file → none: the app's own origin only). */
export function hostsFromConfig(file: string): string[] {
  if (!fs.existsSync(file)) return [];
  try {
    return baseMapSources(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch (e) {
    // A broken config must fail the build, not ship a policy that silently blocks the base map.
    throw new Error(`${file}: not valid JSON (${(e as Error).message}); fix it before building`);
  }
}

/**
 * Vite plugin: writes the Content-Security-Policy into the built HTML pages as a
 * `<meta http-equiv>` right after `<meta charset>`, with the hosts of `public/basemaps.json`.
 * Build only: Vite's dev server injects inline scripts that the policy forbids.
 */
export function cspPlugin(opts: { configFile?: string } = {}): Plugin {
  let root = process.cwd();
  return {
    name: 'jzmap-csp',
    apply: 'build',
    configResolved(c) {
      root = c.root;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        // The benchmark's bare MapLibre page (src/bench/) is a measuring fixture, not the product.
        if (ctx.path.includes('/src/bench/')) return html;
        const hosts = hostsFromConfig(opts.configFile ?? path.join(root, 'public', 'basemaps.json'));
        return withCspMeta(html, buildCsp({ hosts }));
      },
    },
  };
}
