import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import { COUNTIES } from '../../src/data/themes';

const read = (f: string) => JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../data/base', f), 'utf8')) as GeoJSON.FeatureCollection;

describe('embedded base map (data/base)', () => {
  const counties = read('counties.geojson').features.filter((f) => f.properties?.kind === 'county');
  const water = read('water.geojson').features;
  const places = read('places.geojson').features;

  it('has the 8 county-level units under their current names', () => {
    expect(counties.map((f) => f.properties!.name).sort()).toEqual([...COUNTIES].sort());
  });

  it('has county areas close to the official figures', () => {
    // 荆州区 1046 km², 沙市区 523 km², 洪湖市 2519 km² (official); AMap outlines within 5 %.
    const area = (n: string) => turf.area(counties.find((f) => f.properties!.name === n)!) / 1e6;
    expect(area('荆州区')).toBeGreaterThan(1046 * 0.95);
    expect(area('荆州区')).toBeLessThan(1046 * 1.05);
    expect(area('沙市区')).toBeGreaterThan(523 * 0.95);
    expect(area('沙市区')).toBeLessThan(523 * 1.05);
  });

  it('has WGS-84 outlines: the 荆州古城 (112.19°E 30.35°N) falls in 荆州区', () => {
    const jz = counties.find((f) => f.properties!.name === '荆州区')!;
    expect(turf.booleanPointInPolygon([112.19, 30.352], jz as GeoJSON.Feature<GeoJSON.Polygon>)).toBe(true);
  });

  it('has 长湖 as a lake between 荆州 and 荆门 (published extent 30°22′–30°32′N, 112°14′–112°31′E)', () => {
    const changhu = water.find((f) => f.properties!.name === '长湖')!;
    const [w, s, e, n] = turf.bbox(changhu);
    expect(w).toBeGreaterThan(112.2);
    expect(e).toBeLessThan(112.55);
    expect(s).toBeGreaterThan(30.34);
    expect(n).toBeLessThan(30.56);
    expect(turf.area(changhu) / 1e6).toBeGreaterThan(120);
    expect(turf.area(changhu) / 1e6).toBeLessThan(170);
  });

  it('has 洪湖 as a lake polygon and the Yangtze', () => {
    const honghu = water.find((f) => f.properties!.name === '洪湖');
    expect(honghu?.geometry.type).toMatch(/Polygon/);
    expect(turf.area(honghu!) / 1e6).toBeGreaterThan(250);
    expect(water.some((f) => f.properties!.kind === 'river')).toBe(true);
    const yangtze = water.find((f) => f.properties!.name === '长江')!;
    // It passes under the 荆岳长江大桥 (Wikipedia: 29.544340°N 113.222433°E).
    expect(turf.pointToLineDistance([113.222433, 29.54434], yangtze as GeoJSON.Feature<GeoJSON.LineString>)).toBeLessThan(1);
    expect(turf.length(yangtze)).toBeGreaterThan(400);
  });

  it('says how precise each located feature is and where it comes from', () => {
    const all = [...read('counties.geojson').features, ...read('neighbours.geojson').features, ...water, ...places.filter((f) => f.properties!.kind !== 'county')];
    const bad = all.filter((f) => !(Number(f.properties!.precision_m) > 0) || !String(f.properties!.source ?? '').length).map((f) => f.properties!.name);
    expect(bad).toEqual([]);
  });

  it('labels every county and county seat in Chinese', () => {
    const names = new Set(places.map((f) => f.properties!.name));
    for (const c of COUNTIES) expect(names.has(c)).toBe(true);
    for (const seat of ['沙市', '荆州', '郝穴', '新江口', '斗湖堤', '绣林', '容城', '新堤']) expect(names.has(seat)).toBe(true);
  });
});
