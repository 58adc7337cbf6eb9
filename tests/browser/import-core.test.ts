/**
 * The import core in a real Chromium, on its own test page (src/bench/import.html): CSV through
 * the Web Worker, XLSX through exceljs's lazy chunk, KML/GPX through DOMParser, Shapefile, and a
 * Cancel that terminates the worker. Fixture files are served over the page's own origin.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSession, type Session } from './browser';

const baseUrl = inject('baseUrl');
const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures');

type Result =
  | { ok: true; preview: { format: string; encoding?: string; guess: Record<string, string> }; summary: { count: number; rowsRead: number; approxCount: number; encoding?: string; names: string[]; first?: [number, number]; rejected: { line: number; reason: string }[]; flags: { line: number; kind: string }[]; geometryTypes: (string | null)[] } }
  | { ok: false; code: string; message: string };

let s: Session;
const workers: string[] = [];
const scripts: string[] = [];
let bigCsv = '';

beforeAll(async () => {
  s = await openSession(baseUrl);
  s.page.on('worker', (w) => workers.push(w.url()));
  s.page.on('request', (r) => scripts.push(r.url()));
  await s.page.route('**/__fixtures/**', (route) => route.fulfill({ path: path.join(FIXTURES, decodeURIComponent(new URL(route.request().url()).pathname.split('/__fixtures/')[1])) }));
  bigCsv = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jz-import-')), 'big.csv');
  const lines = ['name,lon,lat,theme'];
  for (let i = 0; i < 300_000; i++) lines.push(`p${i},${(111.5 + (i % 1000) / 500).toFixed(5)},${(29.6 + (i % 997) / 800).toFixed(5)},urban`);
  fs.writeFileSync(bigCsv, lines.join('\n'));
  await s.page.route('**/__big.csv', (route) => route.fulfill({ path: bigCsv }));
  await s.page.goto(`${baseUrl}src/bench/import.html`);
  await s.page.waitForFunction(() => document.body.dataset.ready === 'true' || !!document.body.dataset.error, undefined, { timeout: 60_000 });
  expect(await s.page.evaluate(() => document.body.dataset.error ?? null)).toBeNull();
});

afterAll(async () => {
  await s?.close();
  if (bigCsv) fs.rmSync(path.dirname(bigCsv), { recursive: true, force: true });
});

async function importFixture(name: string, opts: Record<string, unknown> = {}): Promise<Result> {
  return s.page.evaluate(
    async ([n, o]) => {
      const bytes = await (await fetch(`/__fixtures/${encodeURIComponent(n)}`)).arrayBuffer();
      return (window as unknown as { jzImport: { importBytes: (n: string, b: ArrayBuffer, o: unknown) => Promise<unknown> } }).jzImport.importBytes(n, bytes, o);
    },
    [name, opts] as const,
  ) as Promise<Result>;
}

const metres = (a: [number, number], b: [number, number]) => {
  const k = Math.PI / 180;
  return Math.hypot((b[0] - a[0]) * k * Math.cos(((a[1] + b[1]) / 2) * k), (b[1] - a[1]) * k) * 6371008.8;
};

describe('import core in Chromium', () => {
  it('a UTF-8 CSV is parsed in a Web Worker', async () => {
    const r = await importFixture('import-utf8.csv');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.summary.count).toBe(5);
    expect(r.summary.names[0]).toBe('市民之家');
    expect(workers.some((u) => /csv-worker/.test(u))).toBe(true);
  });

  it('a GBK CSV: names read right, encoding GB18030', async () => {
    const r = await importFixture('import-gbk.csv');
    if (!r.ok) throw new Error(r.message);
    expect(r.preview.encoding).toBe('gb18030');
    expect(r.summary.names).toEqual(['市民之家', '荆楚文化大观园', '盐卡泵站', '松滋省级白酒质检中心', '沙市经济开发区']);
  });

  it('a GCJ-02 CSV lands within 1 m of the WGS-84 truth', async () => {
    const r = await importFixture('import-gcj02.csv', { crs: 'gcj02' });
    if (!r.ok) throw new Error(r.message);
    expect(metres(r.summary.first!, [112.262, 30.348])).toBeLessThan(1);
  });

  it('bad rows: exactly lines 3, 6, 7 rejected; 2 placed approximately; swapped and outside flagged', async () => {
    const r = await importFixture('import-bad-rows.csv');
    if (!r.ok) throw new Error(r.message);
    expect(r.summary.rejected.map((x) => x.line)).toEqual([3, 6, 7]);
    expect(r.summary.approxCount).toBe(2);
    expect(r.summary.flags).toEqual([{ line: 10, kind: 'swapped' }, { line: 11, kind: 'outside' }]);
  });

  it('XLSX: exceljs is fetched only now, as its own chunk', async () => {
    expect(scripts.some((u) => /exceljs/.test(u))).toBe(false);
    const r = await importFixture('import.xlsx');
    if (!r.ok) throw new Error(r.message);
    expect(r.summary.count).toBe(5);
    expect(r.summary.names[1]).toBe('荆楚文化大观园');
    expect(scripts.some((u) => /exceljs/.test(u))).toBe(true);
  });

  it('KML and GPX through DOMParser + togeojson', async () => {
    const k = await importFixture('import.kml');
    if (!k.ok) throw new Error(k.message);
    expect(k.summary.count).toBe(2);
    expect(k.summary.geometryTypes).toEqual([null, 'LineString']);
    const g = await importFixture('import.gpx');
    if (!g.ok) throw new Error(g.message);
    expect(g.summary.count).toBe(3);
    expect([...g.summary.names].sort()).toEqual(['江边步道', '盐卡泵站', '荆楚文化大观园'].sort());
  });

  it('zipped Shapefiles: WGS-84 and UTM 49N land on the same points; an unreadable .prj is refused', async () => {
    const w = await importFixture('import-shp-wgs84.zip');
    const u = await importFixture('import-shp-utm49.zip');
    if (!w.ok || !u.ok) throw new Error('shapefile failed');
    expect(metres(w.summary.first!, u.summary.first!)).toBeLessThan(1);
    const b = await importFixture('import-shp-badprj.zip');
    expect(b).toMatchObject({ ok: false, code: 'projected-prj' });
  });

  it('progress is reported and Cancel terminates the worker', async () => {
    const r = await s.page.evaluate(async () => {
      const api = (window as unknown as { jzImport: { openImport: (src: unknown, ctx: unknown) => Promise<{ preview: { guess: unknown }; run: (o: unknown) => Promise<unknown> }>; ctx: unknown } }).jzImport;
      const bytes = await (await fetch('/__big.csv')).arrayBuffer();
      const session = await api.openImport({ name: 'big.csv', bytes }, api.ctx);
      const ac = new AbortController();
      const progress: number[] = [];
      const t0 = performance.now();
      const again = async () => {
        try {
          await session.run({ mapping: session.preview.guess, crs: 'wgs84' });
          return 'finished';
        } catch (e) {
          return (e as { message: string }).message;
        }
      };
      try {
        await session.run({
          mapping: session.preview.guess,
          crs: 'wgs84',
          signal: ac.signal,
          onProgress: (p: { rowsRead: number }) => {
            progress.push(p.rowsRead);
            if (p.rowsRead > 0) ac.abort();
          },
        });
        return { code: 'finished', progress, ms: performance.now() - t0, again: await again() };
      } catch (e) {
        return { code: (e as { code?: string }).code, progress, ms: performance.now() - t0, again: await again() };
      }
    });
    console.log('cancel after', r.progress, 'in', Math.round(r.ms), 'ms');
    expect(r.code).toBe('cancelled');
    expect(r.progress.length).toBeGreaterThan(0);
    expect(r.progress[0]).toBeGreaterThan(0);
    expect(r.progress[0]).toBeLessThan(300_000);
    // The bytes went with the terminated worker: running again asks for the file again.
    expect(r.again).toMatch(/choose it again/);
  });

  it('a 300k-row CSV chosen in a file input: the worker reads the File itself and every row arrives', async () => {
    const result = s.page.evaluate(() => (window as unknown as { jzImport: { armBench: () => Promise<unknown> } }).jzImport.armBench());
    await s.page.setInputFiles('#file', bigCsv);
    const r = (await result) as { rows: number; count: number; longTasks: { duration: number }[]; totalMs: number };
    console.log('300k rows chosen → data in', Math.round(r.totalMs), 'ms; long tasks', JSON.stringify(r.longTasks));
    expect(r.rows).toBe(300_000);
    expect(r.count).toBe(300_000);
    expect(await s.page.getByRole('status').textContent()).toBe('300000 / 300000');
  });

  it('a finished run hands the bytes back: the same session runs again (another coordinate system)', async () => {
    const r = await s.page.evaluate(async () => {
      const api = (window as unknown as { jzImport: { openImport: (src: unknown, ctx: unknown) => Promise<{ preview: { guess: unknown }; run: (o: unknown) => Promise<{ positions: Float64Array }> }>; ctx: unknown } }).jzImport;
      const bytes = await (await fetch('/__fixtures/import-gcj02.csv')).arrayBuffer();
      const session = await api.openImport({ name: 'g.csv', bytes }, api.ctx);
      const a = await session.run({ mapping: session.preview.guess, crs: 'wgs84' });
      const b = await session.run({ mapping: session.preview.guess, crs: 'gcj02' });
      return { detached: bytes.byteLength === 0, a: [a.positions[0], a.positions[1]], b: [b.positions[0], b.positions[1]] };
    });
    expect(r.detached).toBe(true); // transferred, not copied
    expect(metres(r.b as [number, number], [112.262, 30.348])).toBeLessThan(1);
    expect(metres(r.a as [number, number], [112.262, 30.348])).toBeGreaterThan(400);
  });
});
