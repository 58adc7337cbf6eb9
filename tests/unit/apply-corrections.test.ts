import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * scripts/apply-corrections.mjs, run as a maintainer runs it, on a temporary copy of data/ and
 * scripts/ (data/ itself is never touched).
 */
const repo = path.resolve(import.meta.dirname, '../..');
let tmp = '';
const read = (p: string) => fs.readFileSync(path.join(tmp, p), 'utf8');
type FC = GeoJSON.FeatureCollection<GeoJSON.Geometry, Record<string, unknown>>;
const projects = (): FC => JSON.parse(read('data/projects.geojson'));
const sourcesSnapshot = () => fs.readdirSync(path.join(tmp, 'data/sources/locations')).map((f) => read(`data/sources/locations/${f}`)).join('\n');

function run(script: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(tmp, 'scripts', script), ...args], { cwd: tmp, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function feature(id: string): GeoJSON.Feature {
  const f = projects().features.find((x) => x.properties.id === id);
  if (!f) throw new Error(id);
  return f;
}

/** A correction as the app downloads it. */
function correction(id: string, geometry: GeoJSON.Geometry, extra: Record<string, unknown> = {}): GeoJSON.Feature {
  const old = projects().features.find((x) => x.properties.id === id)?.geometry ?? { type: 'Point', coordinates: [112.2, 30.3] };
  return {
    type: 'Feature', geometry,
    properties: { id, old_geometry: old, precision_m: 150, location_source: '现场踏勘 site visit 2026-11, checked against 天地图 imagery', note: 'test', date: '2026-11-30T10:00:00.000Z', ...extra },
  };
}

function writeFile(name: string, features: GeoJSON.Feature[]): string {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, JSON.stringify({ type: 'FeatureCollection', features }));
  return p;
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jzmap-corrections-'));
  fs.cpSync(path.join(repo, 'data'), path.join(tmp, 'data'), { recursive: true });
  fs.cpSync(path.join(repo, 'scripts'), path.join(tmp, 'scripts'), { recursive: true });
  fs.symlinkSync(path.join(repo, 'node_modules'), path.join(tmp, 'node_modules'));
});
afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('scripts/apply-corrections.mjs', () => {
  it('refuses each kind of bad correction with its reason, and writes nothing', () => {
    const before = sourcesSnapshot();
    const railway = feature('xiantao-honghu-jianli-railway').geometry as GeoJSON.LineString;
    const ends = [railway.coordinates[0], railway.coordinates[railway.coordinates.length - 1]];
    const stale = correction('municipal-party-school', { type: 'Point', coordinates: [112.266, 30.351] }, { old_geometry: { type: 'Point', coordinates: [112.1, 30.1] } });
    const file = writeFile('bad.geojson', [
      correction('no-such-project', { type: 'Point', coordinates: [112.25, 30.33] }),
      // 武汉: outside Jingzhou.
      correction('citizen-home', { type: 'Point', coordinates: [114.3, 30.58] }),
      // 关沮新城 as a 30 × 30 km square: far larger than a new town.
      correction('guanju-new-town', { type: 'Polygon', coordinates: [[[112.1, 30.2], [112.41, 30.2], [112.41, 30.47], [112.1, 30.47], [112.1, 30.2]]] }),
      // The 仙洪监 railway straight between its ends: it leaves its corridor towns.
      correction('xiantao-honghu-jianli-railway', { type: 'LineString', coordinates: ends }),
      stale,
      correction('municipal-archives-expansion', { type: 'Point', coordinates: [112.23, 30.342] }, { location_source: '' }),
      // A school site is a point or an area, not a line.
      correction('citizen-home', { type: 'LineString', coordinates: [[112.26, 30.348], [112.27, 30.35]] }),
    ]);
    const r = run('apply-corrections.mjs', file);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^Refused — nothing was written/);
    expect(r.err).toMatch(/correction 1 \(no-such-project\): unknown id/);
    expect(r.err).toMatch(/correction 2 \(citizen-home\): 市民之家: lies outside Jingzhou/);
    expect(r.err).toMatch(/correction 3 \(guanju-new-town\): 关沮新城: \d+\.\d+ km² is an implausible area for it/);
    expect(r.err).toMatch(/correction 4 \(xiantao-honghu-jianli-railway\): 仙桃至洪湖至监利城际铁路: no longer passes its corridor towns: .*km off/);
    expect(r.err).toMatch(/correction 5 \(municipal-party-school\): 市委党校: its location changed since the correction was drawn/);
    expect(r.err).toMatch(/correction 6 \(municipal-archives-expansion\): 市档案馆改扩建: location_source must say where the location comes from/);
    expect(r.err).toMatch(/correction 7 \(citizen-home\): the file corrects citizen-home twice/);
    expect(sourcesSnapshot()).toBe(before);
  }, 180_000);

  it('refuses a whole file when one correction fails: the good one is not applied either', () => {
    const before = sourcesSnapshot();
    const file = writeFile('mixed.geojson', [
      correction('citizen-home', { type: 'Point', coordinates: [112.2645, 30.3468] }),
      correction('changhu-avenue', { type: 'LineString', coordinates: [[112.25, 30.37], [112.9, 30.37]] }),
    ]);
    const r = run('apply-corrections.mjs', file);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/长湖大道: \d+\.\d km is an implausible length for it/);
    expect(r.err).not.toMatch(/citizen-home/);
    expect(sourcesSnapshot()).toBe(before);
  }, 180_000);

  it('applies a good correction: after the rebuild exactly that feature changes', () => {
    const before = projects();
    const readmeBefore = read('data/README.md');
    const file = writeFile('good.geojson', [correction('citizen-home', { type: 'Point', coordinates: [112.2645123, 30.3468456] }, { precision_m: 120 })]);
    const r = run('apply-corrections.mjs', file);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/citizen-home \(市民之家\) → data\/sources\/locations\/\w+\.json/);
    const b = run('build-projects.mjs');
    expect(b.code).toBe(0);
    const after = projects();
    expect(after.features).toHaveLength(before.features.length);
    const changed = after.features.filter((f, i) => JSON.stringify(f) !== JSON.stringify(before.features[i])).map((f) => f.properties.id);
    expect(changed).toEqual(['citizen-home']);
    const f = after.features.find((x) => x.properties.id === 'citizen-home')!;
    expect(f.geometry).toEqual({ type: 'Point', coordinates: [112.264512, 30.346846] });
    expect(f.properties.precision_m).toBe(120);
    expect(f.properties.location_source).toBe('现场踏勘 site visit 2026-11, checked against 天地图 imagery');
    expect(f.properties.source_crs).toBe('WGS-84');
    expect(f.properties.note).toBe('位置修正 Location corrected 2026-11-30: test');
    // 2500 m → 120 m moves one feature into the "within 500 m" row of data/README.md.
    const row = (s: string) => Number(/^\| 500 m \| (\d+) \|$/m.exec(s)?.[1]);
    expect(row(read('data/README.md'))).toBe(row(readmeBefore) + 1);
    // Applying the same file again is refused: its old geometry is no longer the data's.
    const again = run('apply-corrections.mjs', file);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/its location changed since the correction was drawn/);
  }, 180_000);

  it('leaves data/ as it was', () => {
    const r = spawnSync('git', ['status', '--porcelain', 'data'], { cwd: repo, encoding: 'utf8' });
    expect(r.stdout).toBe('');
  });
});
