import path from 'node:path';
import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { cellText, ImportError, NO_CODE, openImport } from '../../src/import/index';
import type { ImportedData, ImportOptions, ImportSession } from '../../src/import/types';
import { COUNTIES, STATUS_KEYS, THEME_KEYS } from '../../src/data/themes';
import { FIXTURES, source, testContext, textSource } from './import-context';

const ctx = testContext();
const fx = (name: string) => source(path.join(FIXTURES, name));
const run = (s: ImportSession, o: Partial<ImportOptions> = {}) => s.run({ mapping: s.preview.guess, crs: 'wgs84', ...o });
const column = (d: ImportedData, name: string) => Array.from({ length: d.count }, (_, i) => cellText(d.cells[d.columns.indexOf(name)], i));
/** Metres between two lon/lat points (equirectangular: fine at these distances). */
const metres = (a: [number, number], b: [number, number]) => {
  const k = Math.PI / 180;
  const x = (b[0] - a[0]) * k * Math.cos(((a[1] + b[1]) / 2) * k);
  const y = (b[1] - a[1]) * k;
  return Math.hypot(x, y) * 6371008.8;
};
const errorOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e as ImportError;
  }
  throw new Error('expected an ImportError');
};

describe('CSV import: encodings', () => {
  it('reads a UTF-8 CSV, says so, and maps the Chinese headers', async () => {
    const s = await openImport(fx('import-utf8.csv'), ctx);
    expect(s.preview.format).toBe('csv');
    expect(s.preview.encoding).toBe('utf-8');
    expect(s.preview.guess).toEqual({ name: '名称', lon: '经度', lat: '纬度', theme: '主题', status: '状态', county: '区县' });
    const d = await run(s);
    expect(d.count).toBe(5);
    expect(column(d, '名称')[0]).toBe('市民之家');
    expect(Array.from(d.positions.slice(0, 2))).toEqual([112.262, 30.348]);
    expect(THEME_KEYS[d.theme[0]]).toBe('urban');
    expect(STATUS_KEYS[d.status[0]]).toBe('ongoing');
    expect(COUNTIES[d.county[3]]).toBe('松滋市');
    expect(d.rejected).toEqual([]);
  });

  it('reads a GBK CSV as GB18030, and the names read right; reopen() switches', async () => {
    const s = await openImport(fx('import-gbk.csv'), ctx);
    expect(s.preview.encoding).toBe('gb18030');
    expect(s.preview.columns[0]).toBe('名称');
    const d = await run(s);
    expect(d.encoding).toBe('gb18030');
    expect(column(d, '名称')).toEqual(['市民之家', '荆楚文化大观园', '盐卡泵站', '松滋省级白酒质检中心', '沙市经济开发区']);
    const wrong = await s.reopen('utf-8');
    expect(wrong.encoding).toBe('utf-8');
    expect(wrong.columns[0]).not.toBe('名称'); // mojibake: the user sees why to switch back
    const back = await s.reopen('gb18030');
    expect(back.columns[0]).toBe('名称');
  });

  it('drops a UTF-8 BOM from the first header', async () => {
    const s = await openImport(textSource('\uFEFFname,lon,lat\nA,112.2,30.3\n'), ctx);
    expect(s.preview.columns[0]).toBe('name');
    expect(s.preview.guess).toMatchObject({ name: 'name', lon: 'lon', lat: 'lat' });
  });
});

describe('CSV import: delimiters, decimal commas, coordinate columns', () => {
  it.each([
    [',', 'name,lng,lat\nA,112.2,30.3\n'],
    [';', 'name;lng;lat\nA;112.2;30.3\n'],
    ['\t', 'name\tlng\tlat\nA\t112.2\t30.3\n'],
    ['|', 'name|lng|lat\nA|112.2|30.3\n'],
  ])('delimiter %j', async (delim, text) => {
    const s = await openImport(textSource(text, 'x.txt'), ctx);
    expect(s.preview.delimiter).toBe(delim);
    const d = await run(s);
    expect(Array.from(d.positions)).toEqual([112.2, 30.3]);
  });

  it('decimal commas with ";" as the delimiter', async () => {
    const s = await openImport(fx('import-semicolon.csv'), ctx);
    expect(s.preview.delimiter).toBe(';');
    const d = await run(s);
    expect(d.count).toBe(5);
    expect(Array.from(d.positions.slice(0, 2))).toEqual([112.262, 30.348]);
  });

  it('a 坐标 column holding "lon,lat" or "lat,lon" (order guessed, and can be set)', async () => {
    const s = await openImport(textSource('名称,坐标\nA,"112.2,30.3"\nB,"112.25, 30.31"\n'), ctx);
    expect(s.preview.guess).toMatchObject({ name: '名称', coord: '坐标' });
    expect(s.preview.coordOrder).toBe('lonlat');
    expect(Array.from((await run(s)).positions)).toEqual([112.2, 30.3, 112.25, 30.31]);
    const t = await openImport(textSource('name,location\nA,30.3 112.2\n'), ctx);
    expect(t.preview.coordOrder).toBe('latlon');
    expect(Array.from((await run(t)).positions)).toEqual([112.2, 30.3]);
  });

  it.each([
    ['经度,纬度', { lon: '经度', lat: '纬度' }],
    ['X,Y', { lon: 'X', lat: 'Y' }],
    ['long,lat', { lon: 'long', lat: 'lat' }],
    ['Longitude,Latitude', { lon: 'Longitude', lat: 'Latitude' }],
    ['wgs84_lng,wgs84_lat', { lon: 'wgs84_lng', lat: 'wgs84_lat' }],
    ['东经(°),北纬(°)', { lon: '东经(°)', lat: '北纬(°)' }],
  ])('longitude/latitude headers %s', async (header, expected) => {
    const s = await openImport(textSource(`${header}\n112.2,30.3\n`), ctx);
    expect(s.preview.guess).toMatchObject(expected);
  });

  it('degree signs, hemisphere letters and D°M′S″ parse', async () => {
    const s = await openImport(textSource('name,lon,lat\nA,112.2°E,30.3°N\nB,"112°12\'0""E","30°18\'0""N"\n'), ctx);
    const d = await run(s);
    expect(d.count).toBe(2);
    expect(d.positions[2]).toBeCloseTo(112.2, 9);
    expect(d.positions[3]).toBeCloseTo(30.3, 9);
  });

  it('a WKT column: points, lines and areas (anchor inside)', async () => {
    const text = 'name,wkt\nP,POINT (112.2 30.3)\nL,"LINESTRING (112.1 30.3, 112.2 30.35, 112.3 30.3)"\nA,"POLYGON ((112 30, 112.1 30, 112.1 30.1, 112 30.1, 112 30))"\nE,SRID=4326;POINT Z (112.25 30.31 12)\nBad,"POLYGON ((112 30, 112.1"\n';
    const s = await openImport(textSource(text), ctx);
    expect(s.preview.guess.wkt).toBe('wkt');
    const d = await run(s);
    expect(d.count).toBe(4);
    expect(Array.from(d.positions.slice(0, 2))).toEqual([112.2, 30.3]);
    expect(d.geometries?.[1]?.type).toBe('LineString');
    expect(d.geometries?.[2]?.type).toBe('Polygon');
    expect(Array.from(d.positions.slice(4, 6))).toEqual([112.05, 30.05]);
    expect(Array.from(d.positions.slice(6, 8))).toEqual([112.25, 30.31]);
    expect(d.rejected).toHaveLength(1);
    expect(d.rejected[0].line).toBe(6);
    expect(d.rejected[0].reason).toMatch(/WKT/);
  });
});

describe('CSV import: coordinate systems and flags', () => {
  it('GCJ-02 rows land within 1 m of their WGS-84 truth (gcoord forward gives the file)', async () => {
    const s = await openImport(fx('import-gcj02.csv'), ctx);
    const d = await run(s, { crs: 'gcj02' });
    const truth: [number, number][] = [[112.262, 30.348], [112.195, 30.42], [112.2855, 30.2665], [111.75102, 30.17711], [112.33471, 30.3597]];
    truth.forEach((t, i) => expect(metres(t, [d.positions[2 * i], d.positions[2 * i + 1]])).toBeLessThan(1));
    // Read as WGS-84 the same file is visibly off (~600 m in Jingzhou).
    const wrong = await run(s, { crs: 'wgs84' });
    expect(metres(truth[0], [wrong.positions[0], wrong.positions[1]])).toBeGreaterThan(400);
  });

  it('GCJ-02 and BD-09 inverses reproduce the input to under 1 mm, on exact forward points', async () => {
    const truth: [number, number] = [112.2405, 30.3315];
    for (const [crs, sys] of [['gcj02', gcoord.GCJ02], ['bd09', gcoord.BD09]] as const) {
      const [x, y] = gcoord.transform(truth, gcoord.WGS84, sys) as [number, number];
      const s = await openImport(textSource(`name,lon,lat\nA,${x},${y}\n`), ctx);
      const d = await run(s, { crs });
      expect(metres(truth, [d.positions[0], d.positions[1]])).toBeLessThan(0.001);
    }
  });

  it('flags swapped and far-away rows, keeps them, places the swapped one where it belongs', async () => {
    const s = await openImport(fx('import-bad-rows.csv'), ctx);
    const d = await run(s);
    const swapped = d.flags.find((f) => f.kind === 'swapped')!;
    expect(swapped.line).toBe(10);
    expect(swapped.fix).toEqual([112.26, 30.35]);
    expect(Array.from(d.positions.slice(2 * swapped.index, 2 * swapped.index + 2))).toEqual([112.26, 30.35]);
    const outside = d.flags.find((f) => f.kind === 'outside')!;
    expect(outside.line).toBe(11);
    expect(column(d, '名称')[outside.index]).toBe('远处');
  });

  it('far away both ways: flagged outside only; lat/lon columns the wrong way round: flagged swapped', async () => {
    const s = await openImport(textSource('name,x,y\nA,30.35,80.26\n'), ctx);
    const d = await run(s, { mapping: { name: 'name', lon: 'x', lat: 'y' } });
    expect(d.count).toBe(1);
    expect(d.flags).toHaveLength(1);
    expect(d.flags[0].kind).toBe('outside');
    const t = await openImport(textSource('name,lat,lon\nA,112.26,30.35\n'), ctx);
    const e = await run(t);
    expect(e.flags[0]).toMatchObject({ kind: 'swapped', line: 2, fix: [112.26, 30.35] });
  });
});

describe('CSV import: every row accounted for', () => {
  it('rejects exactly the bad lines, counting a quoted newline as the file does', async () => {
    const s = await openImport(fx('import-bad-rows.csv'), ctx);
    const d = await run(s);
    expect(d.rejected.map((r) => r.line)).toEqual([3, 6, 7]);
    expect(d.rejected.map((r) => r.reason)).toEqual([
      expect.stringMatching(/no coordinates/),
      expect.stringMatching(/not understood/),
      expect.stringMatching(/out of range/),
    ]);
    expect(d.rowsRead).toBe(10); // lines 2–11 and 13, 4–5 being one row; 12 is blank
    expect(d.count + d.rejected.length).toBe(d.rowsRead);
    const names = column(d, '名称');
    const multi = names.indexOf('多行\n名称');
    expect(d.line[multi]).toBe(4);
    expect(d.line[names.indexOf('末行')]).toBe(13);
  });

  it('places rows without coordinates at the town or county they name, approximate, counted', async () => {
    const d = await run(await openImport(fx('import-bad-rows.csv'), ctx));
    expect(d.approxCount).toBe(2);
    const names = column(d, '名称');
    const town = names.indexOf('镇名');
    const county = names.indexOf('县名');
    expect(d.approx[town]).toBe(1);
    expect(d.precision_m[town]).toBe(3000);
    const doutidi = ctx.gazetteer.towns.find((t) => t.name === '斗湖堤')!;
    expect([d.positions[2 * town], d.positions[2 * town + 1]]).toEqual(doutidi.at);
    expect(d.approx[county]).toBe(1);
    // 监利市: 3183 km² → a disc of ~31.8 km radius.
    expect(d.precision_m[county]).toBeCloseTo(Math.sqrt(3183e6 / Math.PI), -1);
    expect(d.approx[names.indexOf('好行')]).toBe(0);
    expect(d.precision_m[names.indexOf('好行')]).toBe(0);
  });

  it('empty, header-only, binary and no-coordinate files get clear errors', async () => {
    expect((await errorOf(openImport(textSource(''), ctx))).code).toBe('empty');
    expect((await errorOf(openImport(textSource('\n\n  \n'), ctx))).code).toBe('empty');
    expect((await errorOf(openImport(textSource('名称,经度,纬度\n'), ctx))).code).toBe('header-only');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
    const bin = await errorOf(openImport({ name: 'data.csv', bytes: png.buffer }, ctx));
    expect(bin.code).toBe('binary');
    expect(bin.message).toMatch(/不是文本文件.*not a text file/);
    const s = await openImport(textSource('a,b\n1,2\n'), ctx);
    expect((await errorOf(run(s))).code).toBe('no-coordinates');
  });

  it('cancel: an aborted signal rejects with "cancelled"', async () => {
    const s = await openImport(fx('import-utf8.csv'), ctx);
    const ac = new AbortController();
    ac.abort();
    expect((await errorOf(run(s, { signal: ac.signal }))).code).toBe('cancelled');
  });
});

describe('CSV import: safety', () => {
  it('hostile cells stay text; __proto__ and constructor headers are plain columns', async () => {
    const s = await openImport(fx('import-hostile.csv'), ctx);
    expect(s.preview.columns).toEqual(['名称', '经度', '纬度', '__proto__', 'constructor']);
    const d = await run(s);
    expect(d.count).toBe(3);
    expect(column(d, '名称')).toEqual(['<img src=x onerror=alert(1)>', '=HYPERLINK("http://evil.example","点我")', '<script>alert(2)</script>']);
    expect(column(d, '__proto__')[0]).toBe('{"polluted":true}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('theme/status/county values the app does not know get NO_CODE', async () => {
    const s = await openImport(textSource('name,lon,lat,主题,状态,区县\nA,112.2,30.3,其他,在建,监利县\nB,112.2,30.3,Ecology,completed,Honghu\n'), ctx);
    const d = await run(s);
    expect(d.theme[0]).toBe(NO_CODE);
    expect(STATUS_KEYS[d.status[0]]).toBe('ongoing');
    expect(COUNTIES[d.county[0]]).toBe('监利市');
    expect(THEME_KEYS[d.theme[1]]).toBe('ecology');
    expect(STATUS_KEYS[d.status[1]]).toBe('complete');
    expect(COUNTIES[d.county[1]]).toBe('洪湖市');
  });
});

describe('text columns', () => {
  it('store cells as the same UTF-8 bytes TextEncoder gives (CJK, emoji, a lone surrogate)', async () => {
    const { TextColumnBuilder } = await import('../../src/import/columnar');
    const cells = ['abc', '荆州', 'Hněvošický háj', '💩 ok', 'x\uD800y', '', '€'];
    const b = new TextColumnBuilder();
    for (const c of cells) b.push(c);
    const col = b.finish();
    const enc = new TextEncoder();
    cells.forEach((c, i) => expect(Array.from(col.bytes.subarray(col.offsets[i], col.offsets[i + 1]))).toEqual(Array.from(enc.encode(c))));
    expect(cellText(col, 3)).toBe('💩 ok');
  });
});

describe('openImportFile', () => {
  it('a big CSV File: preview from its head, the whole read by the reader (inline in Node)', async () => {
    const { openImportFile } = await import('../../src/import/index');
    const rows = ['名称,经度,纬度'];
    for (let i = 0; i < 20_000; i++) rows.push(`点${i},${(112 + i / 1e5).toFixed(5)},30.3`);
    const file = new File([rows.join('\n')], 'big.csv');
    expect(file.size).toBeGreaterThan(256 * 1024);
    const s = await openImportFile(file, ctx);
    expect(s.preview.guess).toMatchObject({ name: '名称', lon: '经度', lat: '纬度' });
    const d = await run(s);
    expect(d.count).toBe(20_000);
    expect(d.line[19_999]).toBe(20_001);
    // Small files and other formats go through openImport.
    const g = await openImportFile(new File([JSON.stringify({ type: 'Point', coordinates: [112.2, 30.3] })], 'p.geojson'), ctx);
    expect(g.preview.format).toBe('geojson');
  });
});
