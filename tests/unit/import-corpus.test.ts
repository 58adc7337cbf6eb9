/**
 * The shared import corpus (../shared/import-corpus, README there): real parser test files run
 * through the public import surface in Node — CSV, GeoJSON, zipped Shapefiles. (KML and GPX need
 * DOMParser: tests/browser/import-corpus.test.ts.) Every file gives features or a clear
 * ImportError, never a hang.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellText, ImportError, openImport } from '../../src/import/index';
import type { ImportedData } from '../../src/import/types';
import { CORPUS, source, testContext } from './import-context';

const ctx = testContext();
const has = fs.existsSync(CORPUS);
const files = (dir: string, ext: string) => (has ? fs.readdirSync(path.join(CORPUS, dir)).filter((f) => f.endsWith(ext)).sort() : []);
const open = (rel: string) => openImport(source(path.join(CORPUS, rel)), ctx);
const outcome = async (rel: string): Promise<ImportedData | ImportError> => {
  try {
    const s = await open(rel);
    return await s.run({ mapping: s.preview.guess, crs: 'wgs84' });
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
};

describe.skipIf(!has)('corpus: csv-spectrum', () => {
  const expected: Record<string, number> = {
    comma_in_quotes: 1, empty: 2, empty_crlf: 2, escaped_quotes: 2, json: 1, location_coordinates: 1,
    newlines: 3, newlines_crlf: 3, quotes_and_newlines: 2, simple: 1, simple_crlf: 1, utf8: 2,
  };
  it.each(files('csv/csv-spectrum/csvs', '.csv'))('%s: the rows and cells papaparse gives; no coordinate column → a clear error', async (f) => {
    const base = f.replace(/\.csv$/, '');
    const s = await open(`csv/csv-spectrum/csvs/${f}`);
    const json = JSON.parse(fs.readFileSync(path.join(CORPUS, 'csv/csv-spectrum/json', `${base}.json`), 'utf8'));
    const rows: Record<string, string>[] = Array.isArray(json) ? json : [json];
    expect(s.preview.columns).toEqual(Object.keys(rows[0]));
    expect(s.preview.sample).toHaveLength(expected[base]);
    if (base !== 'location_coordinates') expect(s.preview.sample).toEqual(rows.map((r) => Object.values(r)));
    // None has coordinates: run() says so (comma_in_quotes has an address column: its row is named).
    const err = await s.run({ mapping: { name: s.preview.guess.name }, crs: 'wgs84' }).catch((e) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).code).toBe('no-coordinates');
    expect(s.preview.guess).not.toHaveProperty('lon');
    expect(s.preview.guess).not.toHaveProperty('coord');
    // Mapped to an "address" that names no place: every row read and rejected with a reason.
    const d = await s.run({ mapping: { address: s.preview.columns[0] }, crs: 'wgs84' });
    expect(d.rowsRead).toBe(expected[base]);
    expect(d.rejected).toHaveLength(expected[base]);
  });
});

describe.skipIf(!has)('corpus: papaparse', () => {
  it('sample.csv: 1 row under the header; sample-header.csv: 2 rows, title of row 2 empty', async () => {
    expect((await open('csv/papaparse/sample.csv')).preview.sample).toEqual([['X', 'Y', 'Z']]);
    const h = await open('csv/papaparse/sample-header.csv');
    expect(h.preview.columns).toEqual(['title', 'name']);
    expect(h.preview.sample).toEqual([['test title 01', 'test name 01'], ['', 'test name 02']]);
  });
  it('utf-8-bom-sample.csv: header A, not \\uFEFFA', async () => {
    const s = await open('csv/papaparse/utf-8-bom-sample.csv');
    expect(s.preview.columns[0]).toBe('A');
    expect(s.preview.sample).toHaveLength(1);
  });
  it('long-sample.csv: 7 rows when the first is the header', async () => {
    const s = await open('csv/papaparse/long-sample.csv');
    const d = await s.run({ mapping: { address: s.preview.columns[0] }, crs: 'wgs84' });
    expect(d.rowsRead).toBe(7);
  });
  it('verylong-sample.csv: 2000 rows; the 4 short rows named "too few fields" at their lines', async () => {
    const s = await open('csv/papaparse/verylong-sample.csv');
    const d = await s.run({ mapping: { address: 'TLD' }, crs: 'wgs84' });
    expect(d.rowsRead).toBe(2000);
    const short = d.rejected.filter((r) => /too few fields/.test(r.reason));
    // papaparse's own test: TooFewFields at data rows 498, 998, 1498, 1998 (0-based) = lines 500, 1000, 1500, 2000.
    expect(short.map((r) => r.line)).toEqual([500, 1000, 1500, 2000]);
    expect(short[0].raw).toBe('Lorem ipsum dolor sit,42');
  });
});

describe.skipIf(!has)('corpus: geojsonhint + check-geojson', () => {
  it.each(files('geojson/geojsonhint/good', '.geojson'))('good/%s is accepted', async (f) => {
    const r = await outcome(`geojson/geojsonhint/good/${f}`);
    expect(r).not.toBeInstanceOf(ImportError);
    const d = r as ImportedData;
    if (f === 'issue82.geojson') {
      // Valid GeoJSON whose longitudes reach −259°: not a place on Earth, so not drawn — named instead.
      expect(d.rejected).toEqual([expect.objectContaining({ reason: expect.stringMatching(/out of range/) })]);
    } else if (f === 'nullgeometry.geojson') {
      expect(d.count).toBe(0);
      expect(d.rejected).toEqual([expect.objectContaining({ line: 1, reason: expect.stringMatching(/no location/) })]);
    } else {
      expect(d.count).toBeGreaterThan(0);
      expect(d.rejected).toEqual([]);
    }
  });

  const WARNINGS_ONLY = ['bad-polygon-interiorring-rhr.geojson', 'polygon_winding_order.geojson', 'excessive_precision_truncated.geojson', 'geometrycollection_single.geojson'];
  it.each(files('geojson/geojsonhint/bad', '.geojson'))('bad/%s: refused with a message, or its bad features rejected (warnings-only files import)', async (f) => {
    const r = await outcome(`geojson/geojsonhint/bad/${f}`);
    if (WARNINGS_ONLY.includes(f)) {
      expect(r).not.toBeInstanceOf(ImportError);
      expect((r as ImportedData).count).toBeGreaterThan(0);
      return;
    }
    if (r instanceof ImportError) {
      expect(r.code).toBe('bad-geojson');
      expect(r.message).toMatch(/GeoJSON.*·.*invalid GeoJSON/);
    } else {
      // featurecollection_changed_semantics: the features are valid; the extra members are ignored.
      if (f === 'featurecollection_changed_semantics.geojson') expect(r.count).toBe(3);
      else expect(r.rejected.length).toBeGreaterThan(0);
    }
  });

  it('check-geojson fixtures: a Feature without properties, a MultiPoint without coordinates', async () => {
    const a = await outcome('geojson/check-geojson/badfeature-no-properties.geojson');
    expect(a instanceof ImportError ? a.code : (a as ImportedData).rejected.length).toBeTruthy();
    const b = await outcome('geojson/check-geojson/multipoint-nocoordinates.geojson');
    expect(b).toBeInstanceOf(ImportError);
  });
});

describe.skipIf(!has)('corpus: zipped Shapefiles (shpjs)', () => {
  const col = (d: ImportedData, name: string) => Array.from({ length: d.count }, (_, i) => cellText(d.cells[d.columns.indexOf(name)], i));
  const ok = async (f: string) => {
    const r = await outcome(`shapefile/${f}`);
    if (r instanceof ImportError) throw r;
    return r;
  };
  it('utf.zip and codepage.zip: 2 points, their text decoded', async () => {
    const u = await ok('utf.zip');
    expect(u.count).toBe(2);
    expect(col(u, 'field')).toContain('💩');
    const c = await ok('codepage.zip');
    expect(c.count).toBe(2);
    expect(col(c, 'field')).toContain('Hněvošický háj');
  });
  it('train_stations.zip: NAD83 Massachusetts Mainland reprojected (lon ≈ −71, lat ≈ 42.4), 361 points', async () => {
    const s = await open('shapefile/train_stations.zip');
    expect(s.preview.crsFromFile).toMatch(/Massachusetts/);
    const d = await s.run({ mapping: {}, crs: 'wgs84' });
    expect(d.count).toBe(361);
    for (let i = 0; i < d.count; i++) {
      expect(d.positions[2 * i]).toBeGreaterThan(-74);
      expect(d.positions[2 * i]).toBeLessThan(-69);
      expect(d.positions[2 * i + 1]).toBeGreaterThan(41);
      expect(d.positions[2 * i + 1]).toBeLessThan(43.5);
    }
    expect(d.flags.every((f) => f.kind === 'outside')).toBe(true); // far from Jingzhou, kept and flagged
  });
  it('T8Th4_6n.zip (files in a sub-folder): 3 features, 2 without geometry rejected as "no location"', async () => {
    const d = await ok('T8Th4_6n.zip');
    expect(d.rowsRead).toBe(3);
    expect(d.count).toBe(1);
    expect(d.rejected.map((r) => r.line)).toEqual([2, 3]);
  });
  it('zero-len-line.zip: 3 features, feature 2 without geometry', async () => {
    const d = await ok('zero-len-line.zip');
    expect(d.rowsRead).toBe(3);
    expect(d.rejected.map((r) => r.line)).toEqual([2]);
  });
  it('SHP_Exclude.zip: no .prj, lon/lat range → read as WGS-84 and says so', async () => {
    const s = await open('shapefile/SHP_Exclude.zip');
    expect(s.preview.notes?.join(' ')).toMatch(/no \.prj/);
    const d = await s.run({ mapping: {}, crs: 'wgs84' });
    expect(d.count).toBe(1);
    expect(d.geometries?.[0]?.type).toMatch(/Polygon/);
  });
  it('noshp.zip: refused, "no .shp in the zip"', async () => {
    const r = await outcome('shapefile/noshp.zip');
    expect(r).toBeInstanceOf(ImportError);
    expect((r as ImportError).message).toMatch(/no \.shp/);
  });
});
