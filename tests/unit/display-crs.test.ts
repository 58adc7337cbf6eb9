import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import { CRS_KEYS, IDENTITY, loadDisplayTransform, type Crs, type DisplayTransform } from '../../src/basemaps/display-crs';

// Each system's transform, its shift's code fetched as the app fetches it.
const loaded = Object.fromEntries(await Promise.all(CRS_KEYS.map(async (c) => [c, await loadDisplayTransform(c)] as const))) as Record<Crs, DisplayTransform>;
const displayTransform = (crs: Crs) => loaded[crs];

// 荆州沙市机场 as data/projects.geojson has it (WGS-84).
const AIRPORT: [number, number] = [112.44854, 30.29281];
const metres = (a: [number, number], b: [number, number]) => turf.distance(a, b, { units: 'meters' });

describe('display transform', () => {
  it('leaves WGS-84 and CGCS2000 base maps alone (same objects, nothing copied)', () => {
    for (const crs of ['wgs84', 'cgcs2000'] as const) {
      const d = displayTransform(crs);
      expect(d.shifts).toBe(false);
      expect(d.toDisplay(AIRPORT)).toBe(AIRPORT);
      const fs = [turf.point(AIRPORT)];
      expect(d.features(fs)).toBe(fs);
    }
    expect(IDENTITY.crs).toBe('wgs84');
  });

  it('gives one shared transform per system, the shifted ones once their code is in', async () => {
    expect(await loadDisplayTransform('wgs84')).toBe(IDENTITY);
    expect(await loadDisplayTransform('gcj02')).toBe(loaded.gcj02);
    expect(loaded.gcj02.shifts && loaded.bd09.shifts).toBe(true);
  });

  it('shifts Jingzhou by about 620 m into GCJ-02 (east and south) and about 1.2 km into BD-09', () => {
    const gcj = displayTransform('gcj02').toDisplay(AIRPORT);
    const d = metres(AIRPORT, gcj);
    expect(d).toBeGreaterThan(560);
    expect(d).toBeLessThan(680);
    // Here GCJ-02 draws things about 560 m east and 270 m south of where they are.
    expect(gcj[0]).toBeGreaterThan(AIRPORT[0]);
    expect(gcj[1]).toBeLessThan(AIRPORT[1]);
    const bd = metres(AIRPORT, displayTransform('bd09').toDisplay(AIRPORT));
    expect(bd).toBeGreaterThan(1100);
    expect(bd).toBeLessThan(1400);
  });

  it.each(CRS_KEYS)('round-trips %s within 1 m across 荆州市', (crs) => {
    const d = displayTransform(crs);
    for (let lon = 111.2; lon <= 114.1; lon += 0.29) {
      for (let lat = 29.4; lat <= 31.0; lat += 0.16) {
        const p: [number, number] = [lon, lat];
        expect(metres(p, d.fromDisplay(d.toDisplay(p)))).toBeLessThan(1);
      }
    }
  });

  it('shifts every vertex of every geometry type, keeps properties, and does not change its input', () => {
    const d = displayTransform('gcj02');
    const poly = turf.polygon([[[112.2, 30.3], [112.3, 30.3], [112.3, 30.4], [112.2, 30.3]]], { id: 'x' });
    const before = JSON.stringify(poly);
    const [out] = d.features([poly]);
    expect(JSON.stringify(poly)).toBe(before);
    expect(out.properties).toBe(poly.properties);
    const ring = (out.geometry as GeoJSON.Polygon).coordinates[0];
    ring.forEach((p, i) => expect(p).toEqual(d.toDisplay(poly.geometry.coordinates[0][i] as [number, number])));
    const gc: GeoJSON.GeometryCollection = { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [112.4, 30.3, 12] }, { type: 'MultiLineString', coordinates: [[[112, 30], [112.1, 30.1]]] }] };
    const g = d.geometry(gc);
    expect((g.geometries[0] as GeoJSON.Point).coordinates).toEqual([...d.toDisplay([112.4, 30.3]), 12]);
    expect((g.geometries[1] as GeoJSON.MultiLineString).coordinates[0][1]).toEqual(d.toDisplay([112.1, 30.1]));
  });

  it('caches shifted features per data array and system, so deck.gl sees the same array again', () => {
    const fs = [turf.point(AIRPORT)];
    const gcj = displayTransform('gcj02');
    const a = gcj.features(fs);
    expect(gcj.features(fs)).toBe(a);
    expect(displayTransform('bd09').features(fs)).not.toBe(a);
    expect(gcj.features([...fs])).not.toBe(a);
  });

  it('shifts interleaved imported positions like single points, keeps NaN rows, caches per array', () => {
    const p = new Float64Array([AIRPORT[0], AIRPORT[1], NaN, NaN, 112.24, 30.33]);
    expect(IDENTITY.positions(p)).toBe(p);
    const gcj = displayTransform('gcj02');
    const out = gcj.positions(p);
    expect(out).not.toBe(p);
    expect([out[0], out[1]]).toEqual(gcj.toDisplay(AIRPORT));
    expect([out[4], out[5]]).toEqual(gcj.toDisplay([112.24, 30.33]));
    expect(Number.isNaN(out[2]) && Number.isNaN(out[3])).toBe(true);
    expect(p[0]).toBe(AIRPORT[0]);
    expect(gcj.positions(p)).toBe(out);
    expect(displayTransform('bd09').positions(p)).not.toBe(out);
  });

  it('shifts a bounding box to contain its shifted corners', () => {
    const d = displayTransform('gcj02');
    const [[w, s], [e, n]] = d.bounds([[112.0, 30.0], [112.5, 30.5]]);
    for (const c of [[112.0, 30.0], [112.5, 30.0], [112.5, 30.5], [112.0, 30.5]] as [number, number][]) {
      const [x, y] = d.toDisplay(c);
      expect(x >= w && x <= e && y >= s && y <= n).toBe(true);
    }
  });
});
