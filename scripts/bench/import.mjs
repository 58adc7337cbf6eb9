#!/usr/bin/env node
/**
 * Bench section: importing a 1,000,000-row CSV (`name,lon,lat,theme`, ~42 MB, generated in the
 * OS temp folder, never committed). Prints figures, asserts nothing.
 *   anchor: raw papaparse in Node on the same file (header + dynamicTyping), median of 3,
 *           interleaved with the app's runs;
 *   app:    the real import path in Chromium (src/bench/import.html): a file chosen in an
 *           <input type=file> → openImportFile (head only) → CSV worker (reads the File,
 *           papaparse in chunks → typed arrays, transferred) → ImportedData on the main thread;
 *           median of 3 fresh pages;
 *           long main-thread tasks (> 100 ms) listed; JS heap after a forced GC.
 *   also:   the same core (csv-core.ts) in Node, to separate parser cost from browser cost.
 * A section of `npm run bench` (scripts/bench.mjs): `run(ctx)` returns rows { figure, app, anchor,
 * anchorName, ratio, unit, note }; ctx.base is the served production build (alone: built here).
 * Alone: node scripts/bench/import.mjs   (BENCH_IMPORT_ROWS=… to change the size)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { build, preview, runnerImport } from 'vite';
import { median, spread, withPage } from './_helpers.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
const REPEAT = Number(process.env.BENCH_IMPORT_REPEAT ?? 3);
const THEMES = ['urban', 'industry', 'innovation', 'regional', 'rural', 'opening', 'ecology', 'livelihood'];

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
  const text = fs.readFileSync(file, 'utf8');
  const t0 = performance.now();
  const r = Papa.parse(text, { header: true, dynamicTyping: true, skipEmptyLines: true });
  return { ms: performance.now() - t0, rows: r.data.length };
}

/** The import core (csv-core.ts) in Node on the same file: decode + parse + columns. */
async function coreNode(file) {
  const { module: core } = await runnerImport(path.join(ROOT, 'src/import/csv-core.ts'));
  const { module: enc } = await runnerImport(path.join(ROOT, 'src/import/encoding.ts'));
  const { module: place } = await runnerImport(path.join(ROOT, 'src/import/place.ts'));
  const read = (p) => JSON.parse(fs.readFileSync(path.join(ROOT, p), 'utf8'));
  const gazetteer = place.buildImportGazetteer(read('data/base/places.geojson'), read('data/base/counties.geojson'));
  const bytes = new Uint8Array(fs.readFileSync(file));
  const t0 = performance.now();
  const { text } = enc.decodeText(bytes);
  const d = core.parseCsvText(text, {
    fileName: 'bench.csv', delimiter: ',', columns: ['name', 'lon', 'lat', 'theme'],
    mapping: { name: 'name', lon: 'lon', lat: 'lat', theme: 'theme' }, crs: 'wgs84', gazetteer,
  });
  return { ms: performance.now() - t0, rows: d.rowsRead };
}

/** The real path in Chromium, one fresh profile per run. */
async function chromiumImport(baseUrl, file, times = REPEAT) {
  const runs = [];
  for (let i = 0; i < times; i++) {
    runs.push(
      await withPage(async (page, cdp) => {
        await page.goto(`${baseUrl}src/bench/import.html`);
        await page.waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: 60_000 });
        const result = page.evaluate(() => window.jzImport.armBench());
        await page.setInputFiles('#file', file);
        const r = await result;
        await cdp.send('HeapProfiler.collectGarbage');
        // ArrayBuffers (the imported columns) live outside the JS heap proper: count both.
        const h = await cdp.send('Runtime.getHeapUsage');
        r.heapMB = (h.usedSize + (h.backingStorageSize ?? 0)) / 1048576;
        return r;
      }),
    );
  }
  return runs;
}

export async function run(ctx = {}) {
  const file = benchFile();
  const mb = fs.statSync(file).size / 1048576;
  let server;
  let baseUrl = ctx.base ?? ctx.baseUrl;
  if (!baseUrl) {
    await build({ root: ROOT, logLevel: 'warn' });
    server = await preview({ root: ROOT, preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
    baseUrl = `http://127.0.0.1:${server.httpServer.address().port}/`;
  }
  try {
    // Interleaved (papaparse, Chromium, core; again…) so that load on a shared machine hits all alike.
    const papaRuns = [];
    const coreRuns = [];
    const runs = [];
    for (let i = 0; i < REPEAT; i++) {
      papaRuns.push(papaparseNode(file));
      runs.push(...(await chromiumImport(baseUrl, file, 1)));
      coreRuns.push(await coreNode(file));
    }
    const papa = { ms: median(papaRuns.map((r) => r.ms)), rows: papaRuns[0].rows };
    const core = { ms: median(coreRuns.map((r) => r.ms)), rows: coreRuns[0].rows };
    const parseMs = median(runs.map((r) => r.openMs + r.runMs));
    const totalMs = median(runs.map((r) => r.totalMs));
    const long = runs.flatMap((r, i) => r.longTasks.filter((t) => t.duration > 100).map((t) => `run ${i + 1}: ${t.duration} ms at ${t.start} ms`));
    const maxTask = Math.max(0, ...runs.flatMap((r) => r.longTasks.map((t) => t.duration)));
    const rate = (rows, ms) => rows / (ms / 1000);
    const rows = runs[0].rows;
    const papaRate = rate(papa.rows, papa.ms);
    const heap = median(runs.map((r) => r.heapMB));
    const table = [
      {
        figure: `CSV import, ${rows.toLocaleString('en')} rows (${mb.toFixed(0)} MB): parse-and-prepare throughput`,
        app: rate(rows, parseMs), anchor: papaRate, anchorName: 'raw papaparse in Node, header + dynamicTyping', ratio: rate(rows, parseMs) / papaRate, unit: 'rows/s',
        note: `Chromium: openImportFile + run (worker: read, decode, papaparse chunks → typed arrays, transferred); median of ${REPEAT}, ${spread(runs.map((r) => r.openMs + r.runMs))} ms`,
      },
      {
        figure: 'CSV import: the same core in Node',
        app: rate(core.rows, core.ms), anchor: papaRate, anchorName: 'raw papaparse in Node', ratio: rate(core.rows, core.ms) / papaRate, unit: 'rows/s',
        note: 'csv-core.ts (decode + papaparse + columns), no worker: parser cost apart from the browser',
      },
      { figure: 'CSV import: file chosen → data ready', app: totalMs, anchor: null, ratio: null, unit: 'ms', note: 'input[type=file] change → openImportFile (reads the head) → the worker reads the File, parses, transfers → ImportedData on the main thread' },
      {
        figure: 'CSV import: longest main-thread task', app: maxTask, anchor: 100, anchorName: 'limit', ratio: maxTask / 100, unit: 'ms',
        note: long.length ? `tasks > 100 ms: ${long.join('; ')}` : 'no task > 100 ms in any run',
      },
      { figure: 'CSV import: JS heap after import', app: heap, anchor: 400, anchorName: 'limit', ratio: heap / 400, unit: 'MB', note: 'JS heap + ArrayBuffer backing stores after a forced GC, the imported data kept alive' },
    ];
    if (ctx.verbose !== false) {
      console.log(`  runs (read / open / run ms): ${runs.map((r) => `${r.readMs.toFixed(0)} / ${r.openMs.toFixed(0)} / ${r.runMs.toFixed(0)}`).join(' · ')}; progress events: ${runs.map((r) => r.progressEvents).join(', ')}`);
      console.log(`  papaparse Node: ${papaRuns.map((r) => r.ms.toFixed(0)).join(', ')} ms (${papa.rows} rows); core Node: ${coreRuns.map((r) => r.ms.toFixed(0)).join(', ')} ms`);
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
        const anchor = r.anchor == null ? '' : `  anchor ${Math.round(r.anchor).toLocaleString('en')}`;
        console.log(`  ${r.figure}\n      app ${Math.round(r.app).toLocaleString('en')} ${r.unit}${anchor}${ratio}  ${r.note ?? ''}`);
      }
    })
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}

export const order = 60;
