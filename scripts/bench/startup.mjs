/**
 * Startup (issue 11 points 1 and 6): cold load → map idle with the projects drawn, app vs. the bare
 * MapLibre page with the same base map (src/bench/bare.html), interleaved in one run, median of
 * RUNS fresh profiles each; on a laptop viewport and on a throttled phone; and the JavaScript each
 * page fetches before it is ready.
 */
import zlib from 'node:zlib';
import { DESKTOP, PHONE, coldLoad, median, waitReady, withPage } from './_helpers.mjs';

async function coldLoads(ctx, label, opts) {
  const app = [];
  const bare = [];
  for (let i = 0; i < ctx.RUNS; i++) {
    app.push(await coldLoad(ctx.appUrl, opts));
    bare.push(await coldLoad(ctx.bareUrl, opts));
  }
  const b = median(bare.map((x) => x.ready));
  const row = (figure, key) => {
    const a = median(app.map((x) => x[key]));
    return {
      figure, app: a, anchor: b, anchorName: 'bare MapLibre page', ratio: a / b, unit: 'ms',
      note: `median of ${ctx.RUNS} fresh profiles each, interleaved; app runs ${app.map((x) => x[key].toFixed(0)).join('/')}, bare ${bare.map((x) => x.ready.toFixed(0)).join('/')}`,
    };
  };
  return [
    // Ready: the base map and the report's projects drawn (by MapLibre's first view), panels filled.
    row(`cold load → idle, projects drawn (${label})`, 'ready'),
    // Settled: deck.gl, fetched after the first view, has drawn the projects in its place.
    row(`cold load → deck.gl drawn, settled (${label})`, 'settled'),
  ];
}

/** gzip bytes of every script the page fetched before `dataset.ready` (lazy chunks after it are not first-load). */
async function firstLoadJs(url) {
  return withPage(async (page) => {
    const bodies = [];
    page.on('response', (r) => {
      if (r.request().resourceType() !== 'script' && !/\.m?js(\?|$)/.test(r.url())) return;
      // When the request started (ms since 1970): workers' scripts are not in the page's resource timing.
      const started = r.request().timing().startTime;
      bodies.push(r.body().then((b) => ({ url: r.url(), b, started }), () => null));
    });
    await page.goto(url, { timeout: 300_000 });
    await waitReady(page);
    // Scripts requested as the page became ready (deck.gl, fetched once the first view is drawn; the
    // storage worker, started then) are not first-load: a script counts if it was requested before ready.
    const readyAt = await page.evaluate(() => performance.timeOrigin + Number(document.body.dataset.readyAt));
    const files = (await Promise.all(bodies)).filter((f) => f && f.started < readyAt);
    return files.map(({ url: u, b }) => ({ file: new URL(u).pathname.split('/').pop(), raw: b.length, gzip: zlib.gzipSync(b, { level: 9 }).length }));
  });
}

export async function run(ctx) {
  const rows = [];
  rows.push(...(await coldLoads(ctx, '1440×900', DESKTOP)));
  rows.push(...(await coldLoads(ctx, 'phone 390×844, 4× CPU throttle', PHONE)));
  const app = await firstLoadJs(ctx.appUrl);
  const bare = await firstLoadJs(ctx.bareUrl);
  const kib = (files) => files.reduce((s, f) => s + f.gzip, 0) / 1024;
  const biggest = [...app].sort((x, y) => y.gzip - x.gzip).slice(0, 3).map((f) => `${f.file} ${(f.gzip / 1024).toFixed(0)}`).join(', ');
  rows.push({
    figure: 'first-load JS (gzip)',
    app: kib(app), anchor: kib(bare), anchorName: 'bare MapLibre page', ratio: kib(app) / kib(bare), unit: 'KiB',
    // The limit is 1.1×: the exact bytes and ratio, since two decimals can round across it.
    note: `scripts fetched before ready: app ${app.length} files (largest: ${biggest}), bare ${bare.length}; ${kib(app).toFixed(1)} / ${kib(bare).toFixed(1)} KiB = ${(kib(app) / kib(bare)).toFixed(3)}`,
  });
  return rows;
}

export const order = 10;
