/**
 * The shared corpus's KML and GPX files (togeojson's own tests) through the real import in
 * Chromium (they need DOMParser): every file gives its features — as many as togeojson's snapshot
 * lists (kml-gpx-expected-counts.tsv), those without geometry named "no location" — or a clear
 * ImportError; none hangs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSession, type Session } from './browser';

const baseUrl = inject('baseUrl');
const CORPUS = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'import-corpus');
const has = fs.existsSync(CORPUS);

const expected = has
  ? fs
      .readFileSync(path.join(CORPUS, 'kml-gpx-expected-counts.tsv'), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.split('\t'))
      .map(([file, n, types]) => ({ file, n: Number(n), nulls: Number(/'null': (\d+)/.exec(types)?.[1] ?? 0) }))
  : [];

let s: Session;

beforeAll(async () => {
  if (!has) return;
  s = await openSession(baseUrl);
  await s.page.route('**/__corpus/**', (route) => {
    const rel = decodeURIComponent(new URL(route.request().url()).pathname.split('/__corpus/')[1]);
    return route.fulfill({ path: path.join(CORPUS, rel) });
  });
  await s.page.goto(`${baseUrl}src/bench/import.html`);
  await s.page.waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: 60_000 });
});
afterAll(async () => s?.close());

describe.skipIf(!has)('corpus: KML and GPX in Chromium', () => {
  it('every file: features as togeojson counts them, or a clear message; none hangs', async () => {
    const results = await s.page.evaluate(
      async (files) => {
        const api = (window as unknown as { jzImport: { importBytes: (n: string, b: ArrayBuffer) => Promise<unknown> } }).jzImport;
        const out: Record<string, unknown> = {};
        for (const f of files) {
          const dir = f.endsWith('.kml') ? 'kml' : 'gpx';
          const bytes = await (await fetch(`/__corpus/${dir}/${f}`)).arrayBuffer();
          const timeout = new Promise((r) => setTimeout(() => r({ ok: false, code: 'hang' }), 10_000));
          out[f] = await Promise.race([api.importBytes(f, bytes), timeout]);
        }
        return out;
      },
      expected.map((e) => e.file),
    );
    const problems: string[] = [];
    for (const e of expected) {
      const r = results[e.file] as { ok: boolean; code?: string; message?: string; summary?: { rowsRead: number; count: number; rejected: { reason: string }[] } };
      if (!r.ok) {
        // Only a clear ImportError is acceptable, never a hang or a crash.
        if (r.code === 'hang' || !r.message || !/·/.test(r.message)) problems.push(`${e.file}: ${r.code} ${r.message ?? ''}`);
        if (e.n > 0) problems.push(`${e.file}: refused but togeojson finds ${e.n} features (${r.message})`);
        continue;
      }
      const sum = r.summary!;
      if (sum.rowsRead !== e.n) problems.push(`${e.file}: ${sum.rowsRead} features read, expected ${e.n}`);
      const noLocation = sum.rejected.filter((x) => /no location|no geometry/.test(x.reason)).length;
      if (noLocation !== e.nulls) problems.push(`${e.file}: ${noLocation} "no location", expected ${e.nulls}`);
    }
    expect(problems).toEqual([]);
    expect(Object.keys(results)).toHaveLength(57);
  });
});
