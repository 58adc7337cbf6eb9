/**
 * Coordinate systems: every imported coordinate becomes WGS-84 here. GCJ-02 (高德/腾讯) and BD-09
 * (百度) are converted with gcoord; its inverse stops at 1e-6° (~0.1 m), so each result is
 * refined by a few more fixed-point steps against gcoord's forward transform until it reproduces
 * the input within 1e-9° (~0.1 mm). Also the per-row checks: inside / far outside Jingzhou.
 * Plain functions: used on the main thread and in the CSV worker alike.
 */
import gcoord from 'gcoord';
import type { Crs, ImportGazetteer } from './types';

const SYSTEM = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const;

/** WGS-84 → the given system (used for tests and fixtures: the forward direction is exact). */
export function fromWgs84(lon: number, lat: number, crs: Crs): [number, number] {
  if (crs === 'wgs84') return [lon, lat];
  return gcoord.transform([lon, lat], gcoord.WGS84, SYSTEM[crs]) as [number, number];
}

/** The given system → WGS-84, to ~0.1 mm of the point whose forward transform is (lon, lat). */
export function toWgs84(lon: number, lat: number, crs: Crs): [number, number] {
  if (crs === 'wgs84') return [lon, lat];
  let [x, y] = gcoord.transform([lon, lat], SYSTEM[crs], gcoord.WGS84) as [number, number];
  for (let i = 0; i < 8; i++) {
    const [fx, fy] = fromWgs84(x, y, crs);
    const dx = fx - lon;
    const dy = fy - lat;
    if (Math.abs(dx) < 1e-9 && Math.abs(dy) < 1e-9) break;
    x -= dx;
    y -= dy;
  }
  return [x, y];
}

/** A valid longitude/latitude pair (finite, in range). (0, 0) counts: it is kept and flagged far outside. */
export function isLonLat(lon: number, lat: number): boolean {
  return Number.isFinite(lon) && Number.isFinite(lat) && lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90;
}

/** Inside Jingzhou's outline (ray casting over every ring; bbox first). */
export function inJingzhou(lon: number, lat: number, g: ImportGazetteer): boolean {
  const [w, s, e, n] = g.bbox;
  if (lon < w || lon > e || lat < s || lat > n) return false;
  let inside = false;
  for (const ring of g.outline) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** How far beyond Jingzhou's bounding box a point may lie before it is flagged: ~50 km. */
export const OUTSIDE_MARGIN_DEG = 0.5;

/** Far outside Jingzhou: more than ~50 km beyond its bounding box (a neighbour's data is not flagged). */
export function farOutside(lon: number, lat: number, g: ImportGazetteer): boolean {
  const [w, s, e, n] = g.bbox;
  const m = OUTSIDE_MARGIN_DEG;
  return lon < w - m || lon > e + m || lat < s - m || lat > n + m;
}
