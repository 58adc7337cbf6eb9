#!/usr/bin/env node
/**
 * npm run bench — prints ONE table of figures, asserts nothing.
 *
 * Builds the production app once, serves it on 127.0.0.1 (a free port), and runs every section in
 * scripts/bench/*.mjs (files starting with `_` are helpers). A section exports
 *   async function run(ctx) → rows [{ figure, app, anchor, anchorName, ratio, unit, note }]
 * and optionally `order` (a number; lower runs first, default 50). ctx holds the served base URL,
 * the app and bare-page URLs, RUNS and the Chromium helpers of scripts/bench/_helpers.mjs.
 * `anchor` is the figure the app is judged against (the bare MapLibre page, raw papaparse, one
 * frame…), `ratio` app/anchor; null when there is none.
 *
 * Env: BENCH_ONLY=startup,filter runs only those sections; BENCH_RUNS (default 5) fresh profiles
 * per cold-load median; CHROMIUM_PATH the browser (default /usr/bin/chromium).
 * The rows are also written to tests/artifacts/bench.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, preview } from 'vite';
import * as helpers from './bench/_helpers.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const SECTIONS_DIR = path.join(ROOT, 'scripts', 'bench');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ONLY = (process.env.BENCH_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean);

function fmt(x, unit) {
  if (x == null || Number.isNaN(x)) return '—';
  const a = Math.abs(x);
  const n = a >= 100 ? x.toFixed(0) : a >= 10 ? x.toFixed(1) : x.toFixed(2);
  return unit ? `${n} ${unit}` : n;
}

/** Prints rows as one pipe table (pastes as Markdown). */
function printTable(rows) {
  const head = ['section', 'figure', 'app', 'anchor', 'ratio', 'note'];
  const cells = rows.map((r) => [
    r.section,
    r.figure,
    fmt(r.app, r.unit),
    r.anchor == null ? '—' : `${fmt(r.anchor, r.unit)} (${r.anchorName})`,
    r.ratio == null ? '—' : `${r.ratio.toFixed(2)}×`,
    r.note ?? '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => `| ${c.map((v, i) => (i === 5 ? v : v.padEnd(widths[i]))).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map((w, i) => '-'.repeat(i === 5 ? 6 : w + 2)).join('|')}|`);
  for (const c of cells) console.log(line(c));
}

async function loadSections() {
  const files = fs.readdirSync(SECTIONS_DIR).filter((f) => f.endsWith('.mjs') && !f.startsWith('_'));
  const sections = [];
  for (const f of files) {
    const name = f.replace(/\.mjs$/, '');
    if (ONLY.length && !ONLY.includes(name)) continue;
    const mod = await import(pathToFileURL(path.join(SECTIONS_DIR, f)).href);
    if (typeof mod.run !== 'function') throw new Error(`scripts/bench/${f} exports no run(ctx)`);
    sections.push({ name, order: mod.order ?? 50, run: mod.run });
  }
  const unknown = ONLY.filter((n) => !sections.some((s) => s.name === n));
  if (unknown.length) throw new Error(`BENCH_ONLY names no section: ${unknown.join(', ')} (have: ${files.map((f) => f.replace(/\.mjs$/, '')).join(', ')})`);
  return sections.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
}

async function main() {
  const sections = await loadSections();
  console.log('building…');
  await build({ root: ROOT, logLevel: 'warn' });
  const server = await preview({ root: ROOT, preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
  const base = `http://127.0.0.1:${server.httpServer.address().port}/`;
  const ctx = { base, appUrl: base, bareUrl: `${base}src/bench/bare.html`, RUNS, root: ROOT, ...helpers };
  const rows = [];
  try {
    for (const s of sections) {
      const t0 = Date.now();
      console.log(`running ${s.name}…`);
      try {
        for (const r of await s.run(ctx)) rows.push({ section: s.name, ...r });
      } catch (e) {
        console.error(e);
        rows.push({ section: s.name, figure: 'FAILED', app: null, anchor: null, ratio: null, unit: '', note: String(e?.message ?? e).split('\n')[0] });
      }
      console.log(`  ${s.name} done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    }
  } finally {
    await server.close();
  }
  console.log(`\nnpm run bench — ${new Date().toISOString()}, ${RUNS} runs per median, Chromium with software WebGL\n`);
  printTable(rows);
  fs.mkdirSync(path.join(ROOT, 'tests', 'artifacts'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'tests', 'artifacts', 'bench.json'), JSON.stringify(rows, null, 2));
  if (rows.some((r) => r.figure === 'FAILED')) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
