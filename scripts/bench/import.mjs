#!/usr/bin/env node
/**
 * Bench section: importing a 1,000,000-row CSV (`name,lon,lat,theme`, ~42 MB, generated in the
 * OS temp folder, never committed). Prints figures, asserts nothing.
 *   anchor: raw papaparse in Node on the same file (header + dynamicTyping), median of 3;
 *   app:    the real import path in Chromium (src/bench/import.html): a file chosen in an
 *           <input type=file> → bytes → openImport → CSV worker (papaparse in chunks → typed
 *           arrays, transferred) → ImportedData on the main thread; median of 3 fresh pages;
 *           long main-thread tasks (> 100 ms) listed; JS heap after a forced GC.
 *   also:   the same core (csv-core.ts) in Node, to separate parser cost from browser cost.
 * `export async function run(ctx)` returns rows { figure, app, anchor, ratio, unit } for the
 * bench table (ctx.baseUrl: a served production build; else this builds and serves one).
 * Alone: node scripts/bench/import.mjs   (BENCH_IMPORT_ROWS=… to change the size)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { build, preview, runnerImport } from 'vite';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
const REPEAT = Number(process.env.BENCH_IMPORT_REPEAT ?? 3);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const THEMES = ['urban', 'industry', 'innovation', 'regional', 'rural', 'opening', 'ecology', 'livelihood'];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The bench file: deterministic rows spread over Jingzhou, written once per size. */
export function benchFile(rows = ROWS) {
  const file = path.join(os.tmpdir(), `jz-import-bench-${rows}.csv`);
  if (fs.existsSync(file)) return file;
  const fd = fs.openSync(file, 'w');
  let buf = 'name,lon,lat,theme\n';
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < rows; i++) {
    buf += `项目${i},${(111.45 + rnd() * 2.6).toFixed(6)},${(29.45 + rnd() * 1.4).toFixed(6)},${THEMES[i % 8]}\n`;
    if (buf.length > 1 << 20) {
      fs.writeSync(fd, buf);
      buf = '';
    }
  }
  fs.writeSync(fd, buf);
  fs.closeSync(fd);
  return file;
}

/** Raw papaparse in Node: header + dynamicTyping, the whole file as one string. */
function papaparseNode(file) {
  const times = [];
  let rows = 0;
  for (let i = 0; i < REPEAT; i++) {
    const text = fs.readFileSync(file, 'utf8');
    const t0 = performance.now();
    const r = Papa.parse(text, { header: true, dynamicTyping: true, skipEmptyLines: true });
    times.push(performance.now() - t0);
    rows = r.data.length;
  }
  return { ms: median(times), rows };
}

/** The import core (csv-core.ts) in Node on the same file: decode + parse + columns. */
async function coreNode(file) {
  const { module: core } = await runnerImport(path.join(ROOT, 'src/import/csv-core.ts'));
  const { module: enc } = await runnerImport(path.join(ROOT, 'src/import/encoding.ts'));
  const { module: place } = await runnerImport(path.join(ROOT, 'src/import/place.ts'));
  const read = (p) => JSON.parse(fs.readFileSync(path.join(ROOT, p), 'utf8'));
  const gazetteer = place.buildImportGazetteer(read('data/base/places.geojson'), read('data/base/counties.geojson'));
  const times = [];
  let rows = 0;
  for (let i = 0; i < REPEAT; i++) {
    const bytes = new Uint8Array(fs.readFileSync(file));
    const t0 = performance.now();
    const { text } = enc.decodeText(bytes);
    const d = core.parseCsvText(text, {
      fileName: 'bench.csv', delimiter: ',', columns: ['name', 'lon', 'lat', 'theme'],
      mapping: { name: 'name', lon: 'lon', lat: 'lat', theme: 'theme' }, crs: 'wgs84', gazetteer,
    });
    times.push(performance.now() - t0);
    rows = d.rowsRead;
  }
  return { ms: median(times), rows };
}

/** The real path in Chromium, one fresh profile per run. */
async function chromiumImport(baseUrl, file) {
  const runs = [];
  for (let i = 0; i < REPEAT; i++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jzbench-import-'));
    const ctx = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1440, height: 900 } });
    try {
      const page = ctx.pages()[0] ?? (await ctx.newPage());
      await page.goto(`${baseUrl}src/bench/import.html`);
      await page.waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: 60_000 });
      const result = page.evaluate(() => window.jzImport.armBench());
      await page.setInputFiles('#file', file);
      const r = await result;
      const cdp = await ctx.newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      r.heapMB = (await cdp.send('Runtime.getHeapUsage')).usedSize / 1048576;
      runs.push(r);
    } finally {
      await ctx.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return runs;
}

export async function run(ctx = {}) {
  const file = benchFile();
  const mb = fs.statSync(file).size / 1048576;
  let server;
  let baseUrl = ctx.baseUrl;
  if (!baseUrl) {
    await build({ root: ROOT, logLevel: 'warn' });
    server = await preview({ root: ROOT, preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
    baseUrl = `http://127.0.0.1:${server.httpServer.address().port}/`;
  }
  try {
    const papa = papaparseNode(file);
    const core = await coreNode(file);
    const runs = await chromiumImport(baseUrl, file);
    const parseMs = median(runs.map((r) => r.openMs + r.runMs));
    const totalMs = median(runs.map((r) => r.totalMs));
    const long = runs.flatMap((r, i) => r.longTasks.filter((t) => t.duration > 100).map((t) => `run ${i + 1}: ${t.duration} ms at ${t.start} ms`));
    const maxTask = Math.max(0, ...runs.flatMap((r) => r.longTasks.map((t) => t.duration)));
    const rate = (rows, ms) => rows / (ms / 1000);
    const rows = runs[0].rows;
    const table = [
      { figure: `CSV import ${rows.toLocaleString('en')} rows, ${mb.toFixed(1)} MB: parse-and-prepare throughput (Chromium worker vs papaparse in Node)`, app: Math.round(rate(rows, parseMs)), anchor: Math.round(rate(papa.rows, papa.ms)), ratio: rate(rows, parseMs) / rate(papa.rows, papa.ms), unit: 'rows/s' },
      { figure: 'CSV import: same core (csv-core.ts) in Node vs papaparse in Node', app: Math.round(rate(core.rows, core.ms)), anchor: Math.round(rate(papa.rows, papa.ms)), ratio: rate(core.rows, core.ms) / rate(papa.rows, papa.ms), unit: 'rows/s' },
      { figure: 'CSV import: file chosen → data ready on the main thread', app: Math.round(totalMs), anchor: null, ratio: null, unit: 'ms' },
      { figure: `CSV import: longest main-thread task (tasks > 100 ms: ${long.length ? long.join('; ') : 'none'})`, app: Math.round(maxTask), anchor: 100, ratio: maxTask / 100, unit: 'ms' },
      { figure: 'CSV import: JS heap after the import (forced GC, data kept)', app: Math.round(median(runs.map((r) => r.heapMB))), anchor: 400, ratio: median(runs.map((r) => r.heapMB)) / 400, unit: 'MB' },
    ];
    if (ctx.verbose !== false) {
      console.log(`  runs (read / open / run ms): ${runs.map((r) => `${r.readMs.toFixed(0)} / ${r.openMs.toFixed(0)} / ${r.runMs.toFixed(0)}`).join(' · ')}; progress events: ${runs.map((r) => r.progressEvents).join(', ')}`);
      console.log(`  papaparse Node: ${papa.ms.toFixed(0)} ms (${papa.rows} rows); core Node: ${core.ms.toFixed(0)} ms`);
    }
    return table;
  } finally {
    await server?.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  run()
    .then((rows) => {
      console.log('\nimport (issue 11.2)');
      for (const r of rows) {
        const ratio = r.ratio == null ? '' : `  ratio ${r.ratio.toFixed(2)}`;
        const anchor = r.anchor == null ? '' : `  anchor ${r.anchor.toLocaleString('en')}`;
        console.log(`  ${r.figure}\n      app ${r.app.toLocaleString('en')} ${r.unit}${anchor}${ratio}`);
      }
    })
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
