/**
 * The shared import corpus (../shared/import-corpus: csv-spectrum, papaparse, geojsonhint good and
 * bad, check-geojson, togeojson KML/GPX, shapefile-js zips) in a real Chromium.
 *
 * Every file goes through the import core on its own page (src/bench/import.html: the real
 * openImport, CSV worker, DOMParser, shpjs): each ends in features or a clear message within a
 * bound, never a hang; KML/GPX give togeojson's own feature counts. Then one file of each kind goes
 * through the app itself — its file input, the dialog, the layer list — as a user would. (Taking all
 * ~200 files through the full app redraws the map ~400 times: six minutes of CI for no more cover.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openReady, openSession, type Session } from './browser';

const baseUrl = inject('baseUrl');
const CORPUS = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'import-corpus');
const PER_FILE_MS = 30_000;

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return files(p);
    return /\.(md|tsv)$/i.test(e.name) ? [] : [p];
  });
}

/** togeojson's own feature counts per KML/GPX file (the corpus's TSV). */
function expectedCounts(): Map<string, number> {
  const text = fs.readFileSync(path.join(CORPUS, 'kml-gpx-expected-counts.tsv'), 'utf8');
  const m = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [file, n] = line.split('\t');
    m.set(file, Number(n));
  }
  return m;
}

type Outcome =
  | { ok: true; count: number; rowsRead: number; rejected: number; notes: string[] }
  | { ok: false; code: string; message: string };

describe('the import corpus in Chromium', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openSession(baseUrl);
    await s.page.route('**/__corpus/**', (route) => {
      const rel = decodeURIComponent(new URL(route.request().url()).pathname.split('/__corpus/')[1]);
      const file = path.resolve(CORPUS, rel);
      if (!file.startsWith(CORPUS + path.sep)) return route.abort();
      return route.fulfill({ path: file });
    });
    await s.page.goto(`${baseUrl}src/bench/import.html`);
    await s.page.waitForFunction(() => document.body.dataset.ready === 'true' || !!document.body.dataset.error, undefined, { timeout: 60_000 });
    expect(await s.page.evaluate(() => document.body.dataset.error ?? null)).toBeNull();
  });
  afterAll(async () => s?.close());

  it('every file gives features or a clear message, never a hang; KML/GPX give togeojson\'s counts', async () => {
    expect(fs.existsSync(CORPUS), `${CORPUS} missing`).toBe(true);
    const all = files(CORPUS).sort().map((f) => path.relative(CORPUS, f));
    expect(all.length).toBeGreaterThan(100);
    const counts = expectedCounts();
    const outcomes = new Map<string, Outcome | 'hang'>();
    for (const rel of all) {
      const r = await s.page.evaluate(
        async ([file, bound]) => {
          const api = (window as unknown as { jzImport: { importBytes(n: string, b: ArrayBuffer): Promise<{ ok: true; summary: { count: number; rowsRead: number; rejected: unknown[]; notes: string[] } } | { ok: false; code: string; message: string }> } }).jzImport;
          const bytes = await (await fetch(`/__corpus/${file.split('/').map(encodeURIComponent).join('/')}`)).arrayBuffer();
          const name = file.split('/').pop()!;
          const timer = new Promise<'hang'>((resolve) => setTimeout(() => resolve('hang'), bound));
          const done = api.importBytes(name, bytes).then((x) =>
            x.ok ? { ok: true as const, count: x.summary.count, rowsRead: x.summary.rowsRead, rejected: x.summary.rejected.length, notes: x.summary.notes } : x,
          );
          return Promise.race([done, timer]);
        },
        [rel, PER_FILE_MS] as const,
      );
      outcomes.set(rel, r);
    }

    for (const [rel, r] of outcomes) {
      expect(r, `${rel}: no result within ${PER_FILE_MS} ms`).not.toBe('hang');
      if (r === 'hang') continue;
      if (r.ok) {
        // Nothing placed must be said: a count, rejected rows, or a note.
        expect(r.count > 0 || r.rejected > 0 || r.notes.length > 0, `${rel}: no features and nothing said`).toBe(true);
      } else {
        expect(r.message.length, `${rel}: message too short: ${r.message}`).toBeGreaterThan(8);
        // Chinese first, English second.
        expect(r.message, rel).toMatch(/[\u4e00-\u9fff].*·/);
      }
      const base = path.basename(rel);
      if (/\.(kml|gpx)$/.test(base) && counts.has(base)) {
        const n = counts.get(base)!;
        if (n === 0) continue;
        expect(r.ok, `${rel}: ${!r.ok ? r.message : ''}`).toBe(true);
        // Every feature togeojson finds is read: placed, or rejected with its reason (no location).
        if (r.ok) expect(r.rowsRead, `${rel}: features read`).toBe(n);
      }
    }
    const placed = [...outcomes.values()].filter((r) => r !== 'hang' && r.ok && r.count > 0).length;
    expect(placed).toBeGreaterThan(60);
    // The good GeoJSON files are all accepted.
    for (const [rel, r] of outcomes) if (rel.startsWith('geojson/geojsonhint/good/')) expect(r !== 'hang' && r.ok, rel).toBe(true);
    // A projected Shapefile lands where it belongs (Massachusetts), not at metres read as degrees.
    const stations = outcomes.get('shapefile/train_stations.zip');
    expect(stations !== 'hang' && stations?.ok && stations.count).toBe(361);
    expect(s.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  }, 600_000);
});

describe('one file of each kind through the app', () => {
  const sample = [
    'csv/csv-spectrum/csvs/simple.csv', // no coordinate columns: a clear message
    'csv/papaparse/utf-8-bom-sample.csv',
    'geojson/geojsonhint/good/good-feature.geojson',
    'geojson/geojsonhint/bad/bad-featurelist.geojson',
    'geojson/check-geojson/multipoint-nocoordinates.geojson',
    'kml/addresses.kml',
    'kml/bad.kml',
    'gpx/wpt.gpx',
    'gpx/bad.gpx',
    'shapefile/utf.zip',
    'shapefile/noshp.zip',
  ];
  let s: Session;
  beforeAll(async () => {
    s = await openReady(baseUrl);
  });
  afterAll(async () => s?.close());

  it('each gives features in the layer list or a clear message in the dialog; the map stays', async () => {
    const { page } = s;
    const outcomes: Record<string, string> = {};
    for (const rel of sample) {
      const file = path.join(CORPUS, rel);
      expect(fs.existsSync(file), rel).toBe(true);
      await page.click('#import-button');
      await page.setInputFiles('#import-file', file);
      await page.waitForSelector('#import-add, .import-error', { timeout: PER_FILE_MS });
      if (await page.locator('#import-add').count()) {
        await page.click('#import-add');
        // Either the dialog closes on a report, or it comes back with a message.
        await page.waitForFunction(() => (document.querySelector('.import-backdrop') as HTMLElement).hidden || !!document.querySelector('.import-error'), undefined, { timeout: PER_FILE_MS });
      }
      if (await page.locator('.import-error').count()) {
        const text = (await page.locator('.import-error').textContent()) ?? '';
        expect(text.length, `${rel}: message too short`).toBeGreaterThan(8);
        outcomes[rel] = 'message';
        await page.keyboard.press('Escape');
      } else {
        // The dialog closes first; the rows (and their report) land in the next task.
        await page.waitForSelector('.import-report:not([hidden])', { timeout: PER_FILE_MS });
        const report = (await page.locator('.import-report').textContent()) ?? '';
        expect(report, rel).toMatch(/添加 \d+ 个要素/);
        outcomes[rel] = 'features';
        await page.click('#tab-layers');
        await page.locator('.layer-import .layer-remove').first().click();
      }
      await page.waitForSelector('.import-backdrop', { state: 'hidden', timeout: PER_FILE_MS });
      // Never a spinner left running, never a blank page.
      expect(await page.locator('.import-reading').count(), rel).toBe(0);
      expect(await page.locator('#map canvas').count(), rel).toBeGreaterThan(0);
    }
    for (const rel of ['geojson/geojsonhint/good/good-feature.geojson', 'kml/addresses.kml', 'gpx/wpt.gpx', 'shapefile/utf.zip']) expect(outcomes[rel], rel).toBe('features');
    for (const rel of ['shapefile/noshp.zip', 'geojson/check-geojson/multipoint-nocoordinates.geojson']) expect(outcomes[rel], rel).toBe('message');
    expect(s.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  }, 600_000);
});
