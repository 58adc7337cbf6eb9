import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, screenshot, waitReady, type Session } from './browser';
import { projects } from './data';

const DIST = path.resolve(import.meta.dirname, '..', '..', 'dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.svg': 'image/svg+xml', '.json': 'application/json', '.geojson': 'application/geo+json', '.csv': 'text/csv; charset=utf-8',
};

/** A plain static server over a copy of the build (global-setup built dist/), that the test can change and stop. */
function serve(root: string, port = 0): Promise<{ url: string; server: http.Server; hits: string[] }> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    const p = decodeURIComponent(new URL(req.url!, 'http://x').pathname);
    hits.push(p);
    const file = path.join(root, p.endsWith('/') ? `${p}index.html` : p);
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    // As docs/deploy.md says: the service worker and index.html are never cached by HTTP.
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server, hits })));
}

describe('offline revisits (service worker)', { timeout: 600_000 }, () => {
  let root: string;
  let site: Awaited<ReturnType<typeof serve>>;
  let s: Session;
  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'jzmap-site-'));
    fs.cpSync(DIST, root, { recursive: true });
    site = await serve(root);
    s = await openSession(site.url, { serviceWorkers: 'allow' });
  }, 600_000);
  afterAll(async () => {
    await s?.close();
    site?.server.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('precaches the app and its embedded data on the first visit', async () => {
    await s.page.goto(site.url, { timeout: 300_000 });
    await waitReady(s.page, 300_000);
    await s.page.waitForFunction(() => document.body.dataset.offline === 'ready', undefined, { timeout: 300_000 });
    const cached = await s.page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) urls.push(new URL(r.url).pathname);
      return urls;
    });
    for (const kind of [/projects-.*\.geojson$/, /counties-.*\.geojson$/, /citywide-.*\.csv$/, /maplibre-gl-worker-.*\.mjs$/, /index\.html$/]) {
      expect(cached.some((u) => kind.test(u)), String(kind)).toBe(true);
    }
  });

  it('opens fully on a second visit with the network off and the server gone', async () => {
    site.server.close();
    site.server.closeAllConnections();
    await s.context.setOffline(true);
    const doc = await s.page.reload();
    expect(doc?.fromServiceWorker()).toBe(true);
    expect(await waitReady(s.page, 300_000)).toBe('true');
    await expect(s.page.locator('.list-summary').textContent()).resolves.toContain(String(projects.features.length));
    const picked = await s.page.evaluate(() => (window as unknown as { __jzmap: { pickAll(): string[] } }).__jzmap.pickAll());
    expect(picked.length).toBeGreaterThan(20);
    await screenshot(s.page, 'offline-revisit-1440x900');
    await s.context.setOffline(false);
  });

  it('a new version is picked up on the next visit, with a notice', async () => {
    // The same origin as before (so the same registration), served again.
    site = await serve(root, Number(new URL(site.url).port));
    // A new deployment: the service worker script changed.
    fs.appendFileSync(path.join(root, 'sw.js'), `\n// deployment ${Date.now()}\n`);
    await s.page.reload();
    await waitReady(s.page, 300_000);
    await s.page.waitForFunction(() => document.body.dataset.update === 'ready', undefined, { timeout: 300_000 });
    const notice = s.page.locator('.update-notice[role=status]');
    await expect(notice.textContent()).resolves.toContain('新版本已就绪');
    await expect(notice.textContent()).resolves.toContain('A new version is ready');
    await screenshot(s.page, 'update-notice-1440x900');
    expect(s.foreign).toEqual([]);
  });
});
