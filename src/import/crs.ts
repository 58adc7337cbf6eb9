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

/** Inside Jingzhou's outline (ray casting; bbox first, then only the edges of the point's band). */
export function inJingzhou(lon: number, lat: number, g: ImportGazetteer): boolean {
  const [w, s, e, n] = g.bbox;
  if (lon < w || lon > e || lat < s || lat > n) return false;
  const bands = bandsOf(g);
  const edges = bands.edges[Math.min(BANDS - 1, Math.floor((lat - s) / bands.height))];
  let inside = false;
  for (let k = 0; k < edges.length; k += 4) {
    const xi = edges[k];
    const yi = edges[k + 1];
    const xj = edges[k + 2];
    const yj = edges[k + 3];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Horizontal bands of the outline's bounding box; a ray at some latitude crosses only the edges of its band. */
const BANDS = 64;
interface Bands {
  height: number;
  /** Per band, the edges that reach into it: x1, y1, x2, y2 each. */
  edges: Float64Array[];
}
const bandCache = new WeakMap<object, Bands>();

/**
 * The outline's edges by band, built once per outline. Testing a point then looks at a few dozen
 * edges instead of all ~1,800: the import's first gazetteer (600 places) was ~0.2 s of the page's
 * thread, most of it in code not yet compiled.
 */
function bandsOf(g: ImportGazetteer): Bands {
  const hit = bandCache.get(g.outline);
  if (hit) return hit;
  const [, s, , n] = g.bbox;
  const height = (n - s) / BANDS || 1;
  const lists: number[][] = Array.from({ length: BANDS }, () => []);
  const band = (y: number) => Math.max(0, Math.min(BANDS - 1, Math.floor((y - s) / height)));
  for (const ring of g.outline) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      for (let b = band(Math.min(yi, yj)); b <= band(Math.max(yi, yj)); b++) lists[b].push(xi, yi, xj, yj);
    }
  }
  const bands = { height, edges: lists.map((l) => Float64Array.from(l)) };
  bandCache.set(g.outline, bands);
  return bands;
}

/** How far beyond Jingzhou's bounding box a point may lie before it is flagged: ~50 km. */
export const OUTSIDE_MARGIN_DEG = 0.5;

/** Far outside Jingzhou: more than ~50 km beyond its bounding box (a neighbour's data is not flagged). */
export function farOutside(lon: number, lat: number, g: ImportGazetteer): boolean {
  const [w, s, e, n] = g.bbox;
  const m = OUTSIDE_MARGIN_DEG;
  return lon < w - m || lon > e + m || lat < s - m || lat > n + m;
}
