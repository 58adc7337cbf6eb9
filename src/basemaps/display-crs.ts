import { lazyPart } from '../reliability/lazy-part';

/**
 * The one place that knows base maps can be drawn in another coordinate system than our data.
 *
 * Every coordinate the app stores, exports, puts in a URL or measures is WGS-84. Chinese street
 * maps from 高德/腾讯 are drawn in GCJ-02 (about 620 m off in Jingzhou) and 百度's in BD-09 (about
 * 1.2 km off). No map library can reproject into these (they are obfuscations, not projections),
 * so while such a base map is shown every overlay is shifted vertex by vertex into its system,
 * and every position read off the map (a click, the camera) is shifted back. 天地图 (CGCS2000)
 * is within centimetres of WGS-84 and needs nothing.
 *
 * Code elsewhere asks the current {@link DisplayTransform} for positions and geometries to draw,
 * and never names a coordinate system.
 */

/** The coordinate systems a base map can be drawn in. */
export const CRS_KEYS = ['wgs84', 'cgcs2000', 'gcj02', 'bd09'] as const;
export type Crs = (typeof CRS_KEYS)[number];

export function isCrs(v: unknown): v is Crs {
  return typeof v === 'string' && (CRS_KEYS as readonly string[]).includes(v);
}

/** True when drawing on this system needs the data shifted. */
export function crsShifts(crs: Crs): boolean {
  return crs === 'gcj02' || crs === 'bd09';
}

type Position = GeoJSON.Position;
type LonLat = [number, number];

/** The two directions of a shift, WGS-84 → display and back (./crs-shifts.ts). */
interface Shift {
  to(p: LonLat): LonLat;
  from(p: LonLat): LonLat;
}

function mapPosition(p: Position, f: (p: LonLat) => LonLat): Position {
  const [x, y] = f([p[0], p[1]]);
  // A third value (height) passes through.
  return p.length > 2 ? [x, y, ...p.slice(2)] : [x, y];
}

function mapGeometry<G extends GeoJSON.Geometry>(g: G, f: (p: LonLat) => LonLat): G {
  switch (g.type) {
    case 'Point':
      return { ...g, coordinates: mapPosition(g.coordinates, f) };
    case 'MultiPoint':
    case 'LineString':
      return { ...g, coordinates: g.coordinates.map((p) => mapPosition(p, f)) };
    case 'MultiLineString':
    case 'Polygon':
      return { ...g, coordinates: g.coordinates.map((l) => l.map((p) => mapPosition(p, f))) };
    case 'MultiPolygon':
      return { ...g, coordinates: g.coordinates.map((poly) => poly.map((l) => l.map((p) => mapPosition(p, f)))) };
    case 'GeometryCollection':
      return { ...g, geometries: g.geometries.map((x) => mapGeometry(x, f)) };
  }
  return g;
}

/**
 * How overlays are drawn on the current base map. For WGS-84 and CGCS2000 base maps every method
 * returns its input unchanged (same object), so nothing is copied or re-uploaded.
 */
export interface DisplayTransform {
  /** The base map's coordinate system. Only for labels and tests: do not branch on it. */
  readonly crs: Crs;
  /** True when positions are shifted (the base map is GCJ-02 or BD-09). */
  readonly shifts: boolean;
  /** A WGS-84 position as drawn on this base map. */
  toDisplay(p: LonLat): LonLat;
  /** A position read off this base map (a click, the camera centre) back to WGS-84. */
  fromDisplay(p: LonLat): LonLat;
  /** A WGS-84 geometry as drawn on this base map (a new object; the input is not changed). */
  geometry<G extends GeoJSON.Geometry>(g: G): G;
  /**
   * Features as drawn on this base map: same properties, shifted geometry. The result is cached
   * per input array and system, so passing the same array again returns the same array and
   * deck.gl does not re-process the data on every render.
   */
  features<F extends GeoJSON.Feature>(fs: readonly F[]): F[];
  /**
   * Interleaved [lon, lat, lon, lat, …] positions (an imported layer's points) as drawn on this
   * base map. Cached per input array and system like {@link features}; the identity returns its input.
   */
  positions(p: Float64Array): Float64Array;
  /** A WGS-84 [[west, south], [east, north]] box as drawn on this base map. */
  bounds(b: [[number, number], [number, number]]): [[number, number], [number, number]];
}

const cache = new WeakMap<readonly GeoJSON.Feature[], Map<Crs, GeoJSON.Feature[]>>();
const positionCache = new WeakMap<Float64Array, Map<Crs, Float64Array>>();

function makeTransform(crs: Crs, shift: Shift | null): DisplayTransform {
  if (!shift) {
    return {
      crs,
      shifts: false,
      toDisplay: (p) => p,
      fromDisplay: (p) => p,
      geometry: (g) => g,
      features: <F extends GeoJSON.Feature>(fs: readonly F[]) => fs as F[],
      positions: (p) => p,
      bounds: (b) => b,
    };
  }
  const { to, from } = shift;
  return {
    crs,
    shifts: true,
    toDisplay: (p) => to(p),
    fromDisplay: (p) => from(p),
    geometry: (g) => mapGeometry(g, to),
    features<F extends GeoJSON.Feature>(fs: readonly F[]): F[] {
      let byCrs = cache.get(fs);
      if (!byCrs) cache.set(fs, (byCrs = new Map()));
      let out = byCrs.get(crs);
      if (!out) {
        out = fs.map((f) => (f.geometry ? { ...f, geometry: mapGeometry(f.geometry, to) } : f));
        byCrs.set(crs, out);
      }
      return out as F[];
    },
    positions(p: Float64Array): Float64Array {
      let byCrs = positionCache.get(p);
      if (!byCrs) positionCache.set(p, (byCrs = new Map()));
      let out = byCrs.get(crs);
      if (!out) {
        out = new Float64Array(p.length);
        for (let i = 0; i + 1 < p.length; i += 2) {
          // NaN marks a row without a place: it stays NaN (not drawn).
          if (Number.isNaN(p[i]) || Number.isNaN(p[i + 1])) {
            out[i] = p[i];
            out[i + 1] = p[i + 1];
            continue;
          }
          const [x, y] = to([p[i], p[i + 1]]);
          out[i] = x;
          out[i + 1] = y;
        }
        byCrs.set(crs, out);
      }
      return out;
    },
    bounds([[w, s], [e, n]]) {
      // The shift varies a little across a box: take the box around all four shifted corners.
      const c = [to([w, s]), to([e, s]), to([e, n]), to([w, n])];
      return [
        [Math.min(...c.map((p) => p[0])), Math.min(...c.map((p) => p[1]))],
        [Math.max(...c.map((p) => p[0])), Math.max(...c.map((p) => p[1]))],
      ];
    },
  };
}

// One shared object per system; the shifted ones once their code is in.
const TRANSFORMS: Partial<Record<Crs, DisplayTransform>> = { wgs84: makeTransform('wgs84', null), cgcs2000: makeTransform('cgcs2000', null) };
const shiftCode = lazyPart('坐标转换 Coordinate shift', () => import('./crs-shifts'));

/** The transform for a base map drawn in `crs`; for GCJ-02 and BD-09 it fetches the shift's code first. */
export async function loadDisplayTransform(crs: Crs): Promise<DisplayTransform> {
  const ready = TRANSFORMS[crs];
  if (ready) return ready;
  const { SHIFTS } = await shiftCode();
  return (TRANSFORMS[crs] ??= makeTransform(crs, crs === 'gcj02' || crs === 'bd09' ? SHIFTS[crs] : null));
}

/** Drawing on a WGS-84 base map: nothing moves. */
export const IDENTITY: DisplayTransform = TRANSFORMS.wgs84!;
