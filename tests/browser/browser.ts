import fs from 'node:fs';
import path from 'node:path';
import { afterAll } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

declare global {
  interface Window {
    /** The map canvas as ImageData (device pixels); installed in every test page by openSession. */
    __mapImage(): ImageData;
  }
}

/** The system Chromium (Debian's `chromium`); CHROMIUM_PATH points elsewhere. Never a downloaded one. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = path.resolve(import.meta.dirname, '..', 'artifacts');

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors seen so far. */
  errors: string[];
  /** Requests to any origin but the app's own. */
  foreign: string[];
  close(): Promise<void>;
}

const ARGS = [
  '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-quic', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];

/**
 * One headless Chromium per test file (a fresh temporary profile, software WebGL2 here); every
 * session gets its own browser context, so storage, cookies and service workers never leak from
 * one session to the next. Sharing the browser saves its start and lets later sessions reuse the
 * GPU process's compiled shaders: a cold load of the app in SwiftShader is ~30 % shorter.
 */
const shared = new Map<string, Promise<Browser>>();
/** The file's browser; one more only for sessions that need other flags (no WebGL: `--disable-webgl`). */
function browser(extra: string[] = []): Promise<Browser> {
  const key = extra.join(' ');
  if (!shared.has(key)) shared.set(key, chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...ARGS, ...extra] }));
  return shared.get(key)!;
}
afterAll(async () => {
  const all = [...shared.values()];
  shared.clear();
  await Promise.all(all.map(async (b) => (await b).close()));
});

/**
 * Opens one page in a new browser context (viewport, touch, permissions as given) that records
 * console errors and any request leaving the local origin.
 */
export async function openSession(
  baseUrl: string,
  opts: {
    args?: string[]; viewport?: { width: number; height: number }; deviceScaleFactor?: number; hasTouch?: boolean; isMobile?: boolean;
    permissions?: string[]; geolocation?: { latitude: number; longitude: number };
    /** 'allow' only where the service worker is what is tested (offline.test.ts), see below. */
    serviceWorkers?: 'allow' | 'block';
  } = {},
): Promise<Session> {
  const context = await (await browser(opts.args)).newContext({
    // The app registers its service worker once the first view is drawn, and the worker then
    // precaches the whole build (~6 MB, 46 files). A person does that once; a test session does it
    // on every first visit, and the next load or action in the same minute shares two cores with it
    // (measured: the scripts of a reload requested ~1.7 s later). The worker's behaviour has its own
    // tests (offline.test.ts), which allow it; every other session blocks it.
    serviceWorkers: opts.serviceWorkers ?? (process.env.JZMAP_TEST_SW === 'allow' ? 'allow' : 'block'),
    viewport: opts.viewport ?? { width: 1440, height: 900 },
    deviceScaleFactor: opts.deviceScaleFactor ?? 1,
    hasTouch: opts.hasTouch,
    isMobile: opts.isMobile,
    permissions: opts.permissions,
    geolocation: opts.geolocation,
    acceptDownloads: true,
  });
  // A Content-Security-Policy violation is an error in every test: a blocked worker, tile or style
  // may not break what a test looks at, but it is something the built app did that its policy forbids.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  // What the map shows, for tests that look at pixels: a copy of the map canvas, in device pixels.
  // The app does not keep its drawing buffer once a frame is shown, so the map is drawn again here
  // and copied in the same task, as printing does (src/publish/print.ts).
  await context.addInitScript(() => {
    window.__mapImage = () => {
      const canvas = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')!;
      (window as unknown as { __jzmap?: { map?: { redraw(): void } | null } }).__jzmap?.map?.redraw();
      const off = Object.assign(document.createElement('canvas'), { width: canvas.width, height: canvas.height });
      const ctx = off.getContext('2d')!;
      ctx.drawImage(canvas, 0, 0);
      return ctx.getImageData(0, 0, off.width, off.height);
    };
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const foreign: string[] = [];
  const origin = new URL(baseUrl).origin;
  // Chromium reports a rejected WebGL draw as a warning, but the user sees it as a layer missing
  // from the map (it hid the regional links once), so it counts as an error here.
  page.on('console', (m) => (m.type() === 'error' || /GL_INVALID/.test(m.text())) && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  context.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) foreign.push(u);
  });
  return {
    context, page, errors, foreign,
    async close() {
      await context.close();
    },
  };
}

/** Opens a session on `url` and waits until the app is ready. */
export async function openReady(url: string, opts: Parameters<typeof openSession>[1] = {}): Promise<Session> {
  const s = await openSession(url, opts);
  await s.page.goto(url);
  await waitReady(s.page);
  return s;
}

/**
 * Waits until the app has settled (first view drawn, then deck.gl drawing every layer; see
 * src/main.ts) or has failed. first-view.test.ts looks at the time between the two.
 */
export async function waitReady(page: Page, timeout = 90_000): Promise<string> {
  await page.waitForFunction(() => (document.body.dataset.ready === 'true' && document.body.dataset.settled === 'true') || document.body.dataset.ready === 'error', undefined, { timeout });
  return (await page.evaluate(() => document.body.dataset.ready)) ?? '';
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
