#!/usr/bin/env node
/**
 * npm run bench — prints figures, asserts nothing.
 *  (a) cold load → map idle, for the app and for a bare MapLibre page with the same base map,
 *      median of RUNS fresh-profile loads each, interleaved in one run, and their ratio;
 *  (b) the gzip size of the JavaScript the app's first page load fetches;
 *  (c) main-thread time of a filter change with a synthetic 100k-feature data set (GPU filtering).
 * Uses the system Chromium (CHROMIUM_PATH to override) against the production build on 127.0.0.1.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function withPage(fn, viewport = { width: 1440, height: 900 }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jzbench-'));
  const ctx = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport });
  try {
    return await fn(ctx.pages()[0] ?? (await ctx.newPage()));
  } finally {
    await ctx.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function coldLoad(url) {
  return withPage(async (page) => {
    await page.goto(url);
    await page.waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: 120_000 });
    return Number(await page.evaluate(() => document.body.dataset.readyAt));
  });
}

async function firstLoadJs(url) {
  return withPage(async (page) => {
    const bodies = [];
    page.on('response', async (r) => {
      if (r.request().resourceType() === 'script' || /\.m?js(\?|$)/.test(r.url())) bodies.push(r.body().then((b) => ({ url: r.url(), b })));
    });
    await page.goto(url);
    await page.waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: 120_000 });
    const files = await Promise.all(bodies);
    return files.map(({ url: u, b }) => ({ file: new URL(u).pathname.split('/').pop(), raw: b.length, gzip: zlib.gzipSync(b, { level: 9 }).length }));
  });
}

async function filterChange(url) {
  return withPage(async (page) => {
    await page.goto(`${url}?bench=100000`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: 180_000 });
    const hasHook = await page.evaluate(() => typeof window.__jzbench?.toggleTheme === 'function');
    if (!hasHook) return null;
    return page.evaluate(() => window.__jzbench.toggleTheme(10));
  });
}

/** Runs the kiosk tour fast and samples the JS heap after forced GCs: does it grow? */
async function tourMemory(url, stops, interval) {
  return withPage(async (page) => {
    await page.goto(`${url}?kiosk=1&interval=${interval}`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: 120_000 });
    const cdp = await page.context().newCDPSession(page);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize / 1048576;
    };
    const steps = () => page.evaluate(() => Number(document.body.dataset.tourSteps ?? 0));
    const every = Math.max(1, Math.floor(stops / 8));
    const samples = [{ stop: await steps(), mb: await heap() }];
    const t0 = Date.now();
    for (let next = every; next <= stops; next += every) {
      await page.waitForFunction((n) => Number(document.body.dataset.tourSteps ?? 0) >= n, next, { timeout: 600_000, polling: 250 });
      samples.push({ stop: await steps(), mb: await heap() });
    }
    return { samples, seconds: (Date.now() - t0) / 1000 };
  }, { width: 1920, height: 1080 });
}

async function main() {
  console.log('building…');
  await build({ logLevel: 'warn' });
  const server = await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
  const base = `http://127.0.0.1:${server.httpServer.address().port}/`;
  try {
    const app = [];
    const bare = [];
    for (let i = 0; i < RUNS; i++) {
      app.push(await coldLoad(base));
      bare.push(await coldLoad(`${base}src/bench/bare.html`));
    }
    const mApp = median(app);
    const mBare = median(bare);
    console.log(`\n(a) cold load → map idle, median of ${RUNS} fresh-profile loads each`);
    console.log(`    app:        ${mApp.toFixed(0)} ms   (runs: ${app.map((x) => x.toFixed(0)).join(', ')})`);
    console.log(`    bare page:  ${mBare.toFixed(0)} ms   (runs: ${bare.map((x) => x.toFixed(0)).join(', ')})`);
    console.log(`    ratio app/bare: ${(mApp / mBare).toFixed(2)}`);

    const js = await firstLoadJs(base);
    const gz = js.reduce((s, f) => s + f.gzip, 0);
    const raw = js.reduce((s, f) => s + f.raw, 0);
    console.log(`\n(b) JavaScript fetched by the first page load: ${js.length} files, ${(raw / 1024).toFixed(0)} KiB raw, ${(gz / 1024).toFixed(0)} KiB gzip`);
    for (const f of js.sort((a, b) => b.gzip - a.gzip)) console.log(`    ${f.file.padEnd(44)} ${(f.gzip / 1024).toFixed(1).padStart(7)} KiB gzip`);

    const fc = await filterChange(base);
    if (fc) {
      console.log(`\n(c) filter change with ${fc.features} synthetic features (GPU DataFilterExtension), ${fc.samples} toggles:`);
      console.log(`    main-thread time per change: median ${fc.median.toFixed(1)} ms, max ${fc.max.toFixed(1)} ms (frame budget 16.7 ms)`);
    }

    // 400 stops is one hour at the default 9 s a stop.
    const STOPS = Number(process.env.BENCH_TOUR_STOPS ?? 400);
    const INTERVAL = 60;
    const { samples: mem, seconds } = await tourMemory(base, STOPS, INTERVAL);
    console.log(`\n(d) kiosk tour, ${STOPS} stops at ${INTERVAL} ms (= ${((STOPS * 9) / 3600).toFixed(1)} h at the default 9 s a stop; ran ${seconds.toFixed(0)} s), JS heap after forced GC:`);
    console.log(`    ${mem.map((m) => `${m.stop}: ${m.mb.toFixed(1)} MB`).join(' · ')}`);
    console.log(`    growth first → last sample: ${(mem.at(-1).mb - mem[0].mb).toFixed(2)} MB; after warm-up (2nd → last): ${(mem.at(-1).mb - mem[1].mb).toFixed(2)} MB`);
  } finally {
    await server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
