import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellText, ImportError, openImport } from '../../src/import/index';
import { detectFormat } from '../../src/import/detect-format';
import type { ImportedData, ImportSession } from '../../src/import/types';
import { FIXTURES, source, testContext, textSource } from './import-context';

const ctx = testContext();
const fx = (name: string) => source(path.join(FIXTURES, name));
const run = (s: ImportSession) => s.run({ mapping: s.preview.guess, crs: 'wgs84' });
const column = (d: ImportedData, name: string) => Array.from({ length: d.count }, (_, i) => cellText(d.cells[d.columns.indexOf(name)], i));
const errorOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected an ImportError');
};

describe('format detection', () => {
  const bytes = (name: string) => new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));
  it('by content first: zip → Shapefile or XLSX (by the entries), XML → KML/GPX, JSON → GeoJSON, text → CSV', () => {
    expect(detectFormat('a.zip', bytes('import-shp-wgs84.zip'))).toBe('shapefile');
    expect(detectFormat('a.zip', bytes('import.xlsx'))).toBe('xlsx');
    expect(detectFormat('renamed.dat', bytes('import.xlsx'))).toBe('xlsx');
    expect(detectFormat('x.xml', bytes('import.kml'))).toBe('kml');
    expect(detectFormat('x.xml', bytes('import.gpx'))).toBe('gpx');
    expect(detectFormat('x.txt', bytes('import.geojson'))).toBe('geojson');
    expect(detectFormat('x.json', bytes('import-utf8.csv'))).toBe('geojson'); // the name says JSON: read as such, fails clearly
    expect(detectFormat('x.txt', bytes('import-utf8.csv'))).toBe('csv');
  });
  it('refuses what it cannot read, saying what to do', () => {
    const oops = (name: string, b: Uint8Array) => {
      try {
        detectFormat(name, b);
      } catch (e) {
        return (e as ImportError).code;
      }
      return 'accepted';
    };
    expect(oops('x.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBe('unsupported');
    expect(oops('x.shp', new Uint8Array([0, 0, 0x27, 0x0a, 0, 0, 0, 0, 0, 0]))).toBe('unsupported');
    expect(oops('x.csv', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0]))).toBe('bad-zip');
    expect(oops('x.xlsx', new TextEncoder().encode('a,b\n1,2'))).toBe('bad-zip');
    expect(oops('x.xml', new TextEncoder().encode('<?xml version="1.0"?><svg></svg>'))).toBe('unsupported');
  });
});

describe('GeoJSON import', () => {
  it('a FeatureCollection: points, lines and areas; null geometry reported as "no location"; __proto__ is a column', async () => {
    const s = await openImport(fx('import.geojson'), ctx);
    expect(s.preview.format).toBe('geojson');
    expect(s.preview.hasGeometry).toBe(true);
    expect(s.preview.guess).toEqual({ name: 'name', theme: 'theme', status: 'status' });
    expect(s.preview.columns).toContain('__proto__');
    const d = await run(s);
    expect(d.count).toBe(3);
    expect(d.rowsRead).toBe(4);
    expect(d.rejected).toEqual([{ line: 4, reason: expect.stringMatching(/no location/), raw: expect.stringContaining('没有位置') }]);
    expect(d.geometries?.map((g) => g?.type ?? null)).toEqual([null, 'LineString', 'Polygon']);
    expect(column(d, '__proto__')[0]).toBe('1');
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('a bare geometry and a bare Feature', async () => {
    const p = await run(await openImport(textSource('{"type":"Point","coordinates":[112.2,30.3]}', 'p.geojson'), ctx));
    expect(Array.from(p.positions)).toEqual([112.2, 30.3]);
    const f = await run(await openImport(textSource('{"type":"Feature","properties":{"名称":"甲"},"geometry":{"type":"Point","coordinates":[112.2,30.3]}}', 'f.json'), ctx));
    expect(f.count).toBe(1);
    expect(column(f, '名称')).toEqual(['甲']);
  });

  it('an empty FeatureCollection says it holds no features', async () => {
    const s = await openImport(textSource('{"type":"FeatureCollection","features":[]}', 'e.geojson'), ctx);
    expect(s.preview.notes).toEqual([expect.stringMatching(/no features/)]);
    const d = await run(s);
    expect(d.rowsRead).toBe(0);
    expect(d.notes.join()).toMatch(/no features/);
  });

  it('bad JSON: refused with line and column', async () => {
    const e = await errorOf(openImport(textSource('{\n "type": "FeatureCollection",\n "features": [ oops ]\n}', 'bad.geojson'), ctx));
    expect(e.code).toBe('bad-geojson');
    expect(e.message).toMatch(/line 3, column \d+/);
  });

  it('one broken feature is rejected with its reason, the rest imported', async () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { n: 'ok' }, geometry: { type: 'Point', coordinates: [112.2, 30.3] } },
        { type: 'Feature', properties: { n: 'bad' }, geometry: { type: 'Point', coordinates: ['x', 30.3] } },
        { type: 'Feature', properties: { n: 'ok2' }, geometry: { type: 'Point', coordinates: [112.3, 30.3] } },
      ],
    });
    const d = await run(await openImport(textSource(text, 'x.geojson'), ctx));
    expect(d.count).toBe(2);
    expect(d.rejected).toHaveLength(1);
    expect(d.rejected[0].line).toBe(2);
    expect(d.rejected[0].reason).toMatch(/invalid feature/);
  });

  it('GCJ-02 GeoJSON is converted when the user says so', async () => {
    const d = await (await openImport(textSource('{"type":"Point","coordinates":[112.2671,30.3455]}', 'p.geojson'), ctx)).run({ mapping: {}, crs: 'gcj02' });
    expect(d.positions[0]).toBeLessThan(112.2671);
    expect(d.positions[0]).toBeGreaterThan(112.26);
  });
});

describe('Shapefile import (shpjs)', () => {
  it('WGS-84 .prj: three points with their UTF-8 attributes', async () => {
    const s = await openImport(fx('import-shp-wgs84.zip'), ctx);
    expect(s.preview.format).toBe('shapefile');
    expect(s.preview.crsFromFile).toBe('GCS_WGS_1984');
    expect(s.preview.guess).toMatchObject({ name: 'NAME', county: 'COUNTY' });
    const d = await run(s);
    expect(d.count).toBe(3);
    expect(column(d, 'NAME')).toEqual(['市民之家', '荆楚文化大观园', '盐卡泵站']);
    expect(d.positions[0]).toBeCloseTo(112.262, 9);
  });

  it('a projected .prj (UTM 49N) is reprojected to where the points belong', async () => {
    const s = await openImport(fx('import-shp-utm49.zip'), ctx);
    expect(s.preview.crsFromFile).toBe('WGS_1984_UTM_Zone_49N');
    const d = await run(s);
    expect(d.positions[0]).toBeCloseTo(112.262, 5);
    expect(d.positions[1]).toBeCloseTo(30.348, 5);
  });

  it('a .prj the app cannot read is refused, not drawn in the wrong place', async () => {
    const e = await errorOf(openImport(fx('import-shp-badprj.zip'), ctx));
    expect(e.code).toBe('projected-prj');
    expect(e.message).toMatch(/Local_Grid_Jingzhou_Unknown/);
    expect(e.message).toMatch(/WGS-84/);
  });
});

describe('XLSX import (exceljs)', () => {
  it('first sheet → the same column path as CSV; formula results and dates as text', async () => {
    const s = await openImport(fx('import.xlsx'), ctx);
    expect(s.preview.format).toBe('xlsx');
    expect(s.preview.guess).toMatchObject({ name: '项目名称', lon: '经度', lat: '纬度', theme: '主题', status: '状态' });
    const d = await run(s);
    expect(d.count).toBe(5);
    expect(Array.from(d.line)).toEqual([2, 3, 4, 5, 6]);
    expect(column(d, '项目名称')[3]).toBe('松滋省级白酒质检中心');
    expect(column(d, '备注')[0]).toBe('2');
    expect(column(d, '开工日期')[1]).toBe('2021-02-01');
  });
});
