/**
 * The columnar builder every format feeds: rows of cell text (plus a geometry for GeoJSON, KML,
 * GPX, Shapefile) in, {@link ImportedData} out. It reads coordinates (lon/lat columns, a pair
 * column, WKT), converts them to WGS-84, flags swapped and far-away points, places rows without
 * coordinates at a named place, rejects the rest with a reason, and stores every cell as UTF-8
 * in growable typed arrays — so a million rows leave no million objects behind, and the result's
 * buffers can be transferred from a worker as they are.
 */
import { codeLookup } from './codes';
import { farOutside, inJingzhou, isLonLat, toWgs84 } from './crs';
import { parseNumber, parsePair } from './detect-columns';
import { placeFromCells } from './place';
import type { ColumnMapping, CoordOrder, Crs, ImportedData, ImportGazetteer, RejectedRow, RowFlag, SourceFormat, TextColumn, TextEncoding } from './types';
import { NO_CODE } from './types';
import { parseWkt, WktError } from './wkt';

/** Why rows are rejected (zh · en): the same words in the list, the download and the tests. */
export const REASON = {
  noLocation: '没有坐标或可识别的地名 · no coordinates and no known place',
  badCoordinates: (v: string) => `坐标无法识别「${clip(v)}」· coordinates not understood`,
  outOfRange: (lon: number, lat: number) => `坐标超出范围（${lon}, ${lat}）· coordinates out of range`,
  badWkt: (msg: string) => `WKT 几何无法解析 · WKT geometry not understood (${msg})`,
  tooFewFields: (n: number, m: number) => `字段太少（${n}/${m}）· too few fields (${n} of ${m})`,
  noGeometry: '要素没有几何（位置）· feature has no geometry (no location)',
} as const;

export const FLAG_MESSAGE = {
  swapped: '经纬度可能颠倒：互换后位于荆州 · latitude and longitude look swapped: swapped, the point lies in Jingzhou',
  swappedApplied: '经纬度颠倒（纬度不可能超过 90°），已按互换后放置 · latitude and longitude were swapped (a latitude cannot exceed 90°): placed swapped',
  outside: '位置远在荆州以外，请检查坐标或坐标系 · far outside Jingzhou: check the coordinates or the coordinate system',
} as const;

const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** One column of cell text as UTF-8 bytes + offsets, grown by doubling. */
export class TextColumnBuilder {
  private bytes = new Uint8Array(1 << 14);
  private len = 0;
  private offsets = new Uint32Array(1 << 10);
  private n = 0;

  push(s: string): void {
    const L = s.length;
    if (this.len + L * 3 > this.bytes.length) {
      const next = new Uint8Array(Math.max(this.bytes.length * 2, this.len + L * 3 + 1024));
      next.set(this.bytes.subarray(0, this.len));
      this.bytes = next;
    }
    const b = this.bytes;
    let p = this.len;
    // UTF-16 → UTF-8 by hand: cells are short, and TextEncoder.encodeInto would need a subarray
    // (an object) per cell — a million cells of garbage on a million-row file.
    for (let i = 0; i < L; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) b[p++] = c;
      else if (c < 0x800) {
        b[p++] = 0xc0 | (c >> 6);
        b[p++] = 0x80 | (c & 63);
      } else {
        if (c >= 0xd800 && c < 0xdc00 && i + 1 < L) {
          const d = s.charCodeAt(i + 1);
          if (d >= 0xdc00 && d < 0xe000) {
            c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
            i++;
            b[p++] = 0xf0 | (c >> 18);
            b[p++] = 0x80 | ((c >> 12) & 63);
            b[p++] = 0x80 | ((c >> 6) & 63);
            b[p++] = 0x80 | (c & 63);
            continue;
          }
        }
        // A lone surrogate becomes U+FFFD, as TextEncoder does.
        if (c >= 0xd800 && c < 0xe000) c = 0xfffd;
        b[p++] = 0xe0 | (c >> 12);
        b[p++] = 0x80 | ((c >> 6) & 63);
        b[p++] = 0x80 | (c & 63);
      }
    }
    this.len = p;
    if (this.n + 2 > this.offsets.length) {
      const next = new Uint32Array(this.offsets.length * 2);
      next.set(this.offsets);
      this.offsets = next;
    }
    this.offsets[++this.n] = p;
  }

  finish(): TextColumn {
    return { bytes: this.bytes.slice(0, this.len), offsets: this.offsets.slice(0, this.n + 1) };
  }
}

const decoder = new TextDecoder();
/** Cell i of a text column as a string. */
export function cellText(col: TextColumn, i: number): string {
  return decoder.decode(col.bytes.subarray(col.offsets[i], col.offsets[i + 1]));
}

export interface BuildPlan {
  format: SourceFormat;
  fileName: string;
  encoding?: TextEncoding;
  columns: string[];
  mapping: ColumnMapping;
  crs: Crs;
  coordOrder?: CoordOrder;
  gazetteer: ImportGazetteer;
  /** Joins cells back into the raw row text of a rejected row. */
  delimiter?: string;
  /** Expected rows, to size the arrays once (grown when exceeded). */
  expectedRows?: number;
}

/** Column-name → index map that cannot be polluted (`__proto__` is just a key). */
function indexOfColumn(columns: string[], name: string | undefined): number {
  if (name === undefined) return -1;
  return columns.indexOf(name);
}

type Geom = GeoJSON.Geometry;

/** A point that stands for a geometry: the point, a middle vertex of a line, a point inside an area. */
export function anchorOfGeometry(g: Geom): [number, number] | null {
  switch (g.type) {
    case 'Point':
      return g.coordinates.length >= 2 ? [g.coordinates[0], g.coordinates[1]] : null;
    case 'MultiPoint':
      return g.coordinates[0] ? [g.coordinates[0][0], g.coordinates[0][1]] : null;
    case 'LineString': {
      const c = g.coordinates[Math.floor(g.coordinates.length / 2)];
      return c ? [c[0], c[1]] : null;
    }
    case 'MultiLineString': {
      let best = g.coordinates[0];
      for (const l of g.coordinates) if (l.length > (best?.length ?? 0)) best = l;
      const c = best?.[Math.floor(best.length / 2)];
      return c ? [c[0], c[1]] : null;
    }
    case 'Polygon':
      return ringAnchor(g.coordinates);
    case 'MultiPolygon': {
      let best = g.coordinates[0];
      for (const p of g.coordinates) if ((p[0]?.length ?? 0) > (best?.[0]?.length ?? 0)) best = p;
      return best ? ringAnchor(best) : null;
    }
    case 'GeometryCollection':
      for (const sub of g.geometries) {
        const a = anchorOfGeometry(sub);
        if (a) return a;
      }
      return null;
  }
}

function ringAnchor(rings: GeoJSON.Position[][]): [number, number] | null {
  const outer = rings[0];
  if (!outer || outer.length === 0) return null;
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of outer) {
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  }
  const cx = (w + e) / 2;
  const cy = (s + n) / 2;
  let inside = false;
  for (let i = 0, j = outer.length - 1; i < outer.length; j = i++) {
    const [xi, yi] = outer[i];
    const [xj, yj] = outer[j];
    if (yi > cy !== yj > cy && cx < ((xj - xi) * (cy - yi)) / (yj - yi) + xi) inside = !inside;
  }
  if (inside) return [cx, cy];
  // A crescent or L shape: the midpoint of the first vertex and the vertex halfway round often lies
  // inside; else the first vertex (on the outline, still part of the area).
  const a = outer[0];
  const b = outer[Math.floor(outer.length / 2)];
  return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
}

function mapCoords(g: Geom, f: (x: number, y: number) => [number, number]): Geom {
  const p = (c: GeoJSON.Position): GeoJSON.Position => f(c[0], c[1]);
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: p(g.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { type: g.type, coordinates: g.coordinates.map(p) } as Geom;
    case 'MultiLineString':
    case 'Polygon':
      return { type: g.type, coordinates: g.coordinates.map((r) => r.map(p)) } as Geom;
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: g.coordinates.map((q) => q.map((r) => r.map(p))) };
    case 'GeometryCollection':
      return { type: 'GeometryCollection', geometries: g.geometries.map((x) => mapCoords(x, f)) };
  }
}

/** Every position valid lon/lat (after conversion)? */
function geometryInRange(g: Geom): boolean {
  const ok = (c: GeoJSON.Position) => isLonLat(c[0], c[1]);
  switch (g.type) {
    case 'Point':
      return ok(g.coordinates);
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates.every(ok);
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.every((r) => r.every(ok));
    case 'MultiPolygon':
      return g.coordinates.every((q) => q.every((r) => r.every(ok)));
    case 'GeometryCollection':
      return g.geometries.every(geometryInRange);
  }
}

/** Builds an ImportedData row by row. */
export class ColumnarBuilder {
  private cap: number;
  private n = 0;
  private line: Uint32Array;
  private positions: Float64Array;
  private precision: Float32Array;
  private approx: Uint8Array;
  private theme: Uint8Array;
  private status: Uint8Array;
  private county: Uint8Array;
  private cols: TextColumnBuilder[];
  private geometries: (Geom | null)[] | null = null;
  private extraCol = -1;
  readonly rejected: RejectedRow[] = [];
  readonly flags: RowFlag[] = [];
  rowsRead = 0;
  emptyRows = 0;
  private approxCount = 0;
  private columns: string[];
  private readonly idx: Record<'lon' | 'lat' | 'coord' | 'wkt' | 'theme' | 'status' | 'county' | 'address', number>;
  private readonly themeOf = codeLookup('theme');
  private readonly statusOf = codeLookup('status');
  private readonly countyOf = codeLookup('county');
  private readonly placeCache = new Map<string, ReturnType<typeof placeFromCells>>();

  constructor(private readonly plan: BuildPlan) {
    this.columns = [...plan.columns];
    const m = plan.mapping;
    const c = plan.columns;
    this.idx = {
      lon: indexOfColumn(c, m.lon),
      lat: indexOfColumn(c, m.lat),
      coord: indexOfColumn(c, m.coord),
      wkt: indexOfColumn(c, m.wkt),
      theme: indexOfColumn(c, m.theme),
      status: indexOfColumn(c, m.status),
      county: indexOfColumn(c, m.county),
      address: indexOfColumn(c, m.address),
    };
    this.cap = Math.max(1024, plan.expectedRows ?? 0);
    this.line = new Uint32Array(this.cap);
    this.positions = new Float64Array(this.cap * 2);
    this.precision = new Float32Array(this.cap);
    this.approx = new Uint8Array(this.cap);
    this.theme = new Uint8Array(this.cap);
    this.status = new Uint8Array(this.cap);
    this.county = new Uint8Array(this.cap);
    this.cols = c.map(() => new TextColumnBuilder());
  }

  /** True when the mapping gives the rows some way to a location. */
  static canLocate(mapping: ColumnMapping, hasGeometry: boolean): boolean {
    return hasGeometry || !!(mapping.wkt || mapping.coord || (mapping.lon && mapping.lat) || mapping.county || mapping.address);
  }

  private grow(): void {
    const cap = this.cap * 2;
    const g = <T extends Uint32Array | Float64Array | Float32Array | Uint8Array>(a: T, n: number): T => {
      const b = new (a.constructor as new (n: number) => T)(n);
      b.set(a);
      return b;
    };
    this.line = g(this.line, cap);
    this.positions = g(this.positions, cap * 2);
    this.precision = g(this.precision, cap);
    this.approx = g(this.approx, cap);
    this.theme = g(this.theme, cap);
    this.status = g(this.status, cap);
    this.county = g(this.county, cap);
    this.cap = cap;
  }

  /** A blank line or a row of empty cells: not a data row. */
  skipEmpty(): void {
    this.emptyRows++;
  }

  private reject(line: number, reason: string, cells: string[]): void {
    this.rejected.push({ line, reason, raw: cells.join(this.plan.delimiter ?? ',') });
  }

  /** Stores an accepted feature; returns its index. */
  private accept(cells: string[], line: number, lon: number, lat: number, precision: number, approx: boolean, geometry: Geom | null): number {
    if (this.n === this.cap) this.grow();
    const i = this.n++;
    this.line[i] = line;
    this.positions[2 * i] = lon;
    this.positions[2 * i + 1] = lat;
    this.precision[i] = precision;
    if (approx) {
      this.approx[i] = 1;
      this.approxCount++;
    }
    const { theme, status, county } = this.idx;
    this.theme[i] = theme >= 0 ? this.themeOf(cells[theme] ?? '') : NO_CODE;
    this.status[i] = status >= 0 ? this.statusOf(cells[status] ?? '') : NO_CODE;
    this.county[i] = county >= 0 ? this.countyOf(cells[county] ?? '') : NO_CODE;
    const cols = this.cols;
    const width = cols.length;
    for (let c = 0; c < width; c++) cols[c].push(c < cells.length ? cells[c] : '');
    if (cells.length > width || this.extraCol >= 0) this.pushExtra(cells, width, i);
    if (geometry || this.geometries) {
      if (!this.geometries) this.geometries = new Array(i).fill(null);
      this.geometries[i] = geometry && geometry.type !== 'Point' ? geometry : null;
    }
    return i;
  }

  /** Cells beyond the header go to one added column ("多余字段"), so nothing is lost. */
  private pushExtra(cells: string[], width: number, i: number): void {
    if (this.extraCol < 0) {
      this.extraCol = this.cols.length;
      const col = new TextColumnBuilder();
      for (let k = 0; k < i; k++) col.push('');
      this.cols.push(col);
      this.columns.push('多余字段 · extra fields');
    }
    this.cols[this.extraCol].push(cells.length > width ? cells.slice(width).join(this.plan.delimiter ?? ',') : '');
  }

  private placeOf(cells: string[]): ReturnType<typeof placeFromCells> {
    const county = this.idx.county >= 0 ? (cells[this.idx.county] ?? '').trim() : '';
    const address = this.idx.address >= 0 ? (cells[this.idx.address] ?? '').trim() : '';
    if (!county && !address) return null;
    const key = `${county}\u0000${address}`;
    let hit = this.placeCache.get(key);
    if (hit === undefined) {
      hit = placeFromCells(county, address, this.plan.gazetteer);
      if (this.placeCache.size < 50_000) this.placeCache.set(key, hit);
    }
    return hit;
  }

  /**
   * Checks a coordinate pair as the file gives it (in the plan's CRS), accepts the row at its WGS-84
   * position with any flags, or rejects it. `geometry` (already WGS-84) is stored for non-points.
   */
  private acceptCoordinates(cells: string[], line: number, a: number, b: number, geometry: Geom | null, crs: Crs = this.plan.crs): void {
    const g = this.plan.gazetteer;
    if (isLonLat(a, b)) {
      const [x, y] = crs === 'wgs84' ? [a, b] : toWgs84(a, b, crs);
      const i = this.accept(cells, line, x, y, 0, false, geometry);
      if (farOutside(x, y, g)) {
        if (isLonLat(b, a)) {
          const [sx, sy] = crs === 'wgs84' ? [b, a] : toWgs84(b, a, crs);
          if (inJingzhou(sx, sy, g)) {
            this.flags.push({ line, index: i, kind: 'swapped', message: FLAG_MESSAGE.swapped, fix: [sx, sy] });
            return;
          }
        }
        this.flags.push({ line, index: i, kind: 'outside', message: FLAG_MESSAGE.outside });
      }
      return;
    }
    if (!geometry && isLonLat(b, a)) {
      // Given as (lat, lon) with a "latitude" beyond 90°: the only reading is the swapped one.
      const [sx, sy] = crs === 'wgs84' ? [b, a] : toWgs84(b, a, crs);
      const i = this.accept(cells, line, sx, sy, 0, false, null);
      this.flags.push({ line, index: i, kind: 'swapped', message: FLAG_MESSAGE.swappedApplied, fix: [sx, sy] });
      if (farOutside(sx, sy, g)) this.flags.push({ line, index: i, kind: 'outside', message: FLAG_MESSAGE.outside });
      return;
    }
    this.reject(line, REASON.outOfRange(a, b), cells);
  }

  /** No coordinates: a named place, or rejected with `reason`. */
  private placeOrReject(cells: string[], line: number, reason: string): void {
    const hit = this.placeOf(cells);
    if (hit) {
      this.accept(cells, line, hit.at[0], hit.at[1], hit.precision_m, true, null);
      return;
    }
    // A short row (papaparse's TooFewFields) is named as such: the missing cells are the likely cause.
    const width = this.columns.length - (this.extraCol >= 0 ? 1 : 0);
    if (cells.length > 1 && cells.length < width) reason = REASON.tooFewFields(cells.length, width);
    this.reject(line, reason, cells);
  }

  /** A row of a delimited text or a sheet. `line` = its first line in the file (header = 1). */
  addRow(cells: string[], line: number): void {
    this.rowsRead++;
    const { lon, lat, coord, wkt } = this.idx;
    if (wkt >= 0) {
      const text = cells[wkt] ?? '';
      if (text.trim()) {
        let geom: Geom | null;
        try {
          geom = parseWkt(text);
        } catch (e) {
          if (!(e instanceof WktError)) throw e;
          this.placeOrReject(cells, line, REASON.badWkt(e.message));
          return;
        }
        if (geom) {
          this.addGeometry(cells, line, geom, this.plan.crs);
          return;
        }
      }
      if (lon < 0 && coord < 0) {
        this.placeOrReject(cells, line, REASON.noLocation);
        return;
      }
    }
    if (lon >= 0 && lat >= 0) {
      const ls = cells[lon] ?? '';
      const as = cells[lat] ?? '';
      const x = parseNumber(ls);
      const y = parseNumber(as);
      if (x === x && y === y) {
        this.acceptCoordinates(cells, line, x, y, null);
        return;
      }
      const given = `${ls}${ls && as ? ', ' : ''}${as}`.trim();
      this.placeOrReject(cells, line, given ? REASON.badCoordinates(given) : REASON.noLocation);
      return;
    }
    if (coord >= 0) {
      const text = cells[coord] ?? '';
      const pair = parsePair(text);
      if (pair) {
        const [a, b] = this.plan.coordOrder === 'latlon' ? [pair[1], pair[0]] : pair;
        this.acceptCoordinates(cells, line, a, b, null);
        return;
      }
      this.placeOrReject(cells, line, text.trim() ? REASON.badCoordinates(text.trim()) : REASON.noLocation);
      return;
    }
    this.placeOrReject(cells, line, REASON.noLocation);
  }

  /**
   * A feature of a GeoJSON / KML / GPX / Shapefile: its property cells and its geometry as the file
   * gives it (null: no location). `crs` is the system the geometry is in.
   */
  addFeature(cells: string[], line: number, geometry: Geom | null): void {
    this.rowsRead++;
    if (!geometry || !anchorOfGeometry(geometry)) {
      this.placeOrReject(cells, line, REASON.noGeometry);
      return;
    }
    this.addGeometry(cells, line, geometry, this.plan.crs);
  }

  private addGeometry(cells: string[], line: number, geom: Geom, crs: Crs): void {
    if (geom.type === 'Point') {
      this.acceptCoordinates(cells, line, geom.coordinates[0], geom.coordinates[1], null, crs);
      return;
    }
    const wgs = crs === 'wgs84' ? geom : mapCoords(geom, (x, y) => (isLonLat(x, y) ? toWgs84(x, y, crs) : [x, y]));
    const anchor = anchorOfGeometry(wgs);
    if (!anchor) {
      this.placeOrReject(cells, line, REASON.noGeometry);
      return;
    }
    if (!geometryInRange(wgs)) {
      this.reject(line, REASON.outOfRange(anchor[0], anchor[1]), cells);
      return;
    }
    // The anchor is already WGS-84: check it as such.
    this.acceptCoordinates(cells, line, anchor[0], anchor[1], wgs, 'wgs84');
  }

  /** Number of features so far. */
  get count(): number {
    return this.n;
  }

  finish(notes: string[] = []): ImportedData {
    const n = this.n;
    return {
      format: this.plan.format,
      fileName: this.plan.fileName,
      encoding: this.plan.encoding,
      crs: this.plan.crs,
      mapping: { ...this.plan.mapping },
      columns: this.columns,
      cells: this.cols.map((c) => c.finish()),
      count: n,
      line: this.line.slice(0, n),
      positions: this.positions.slice(0, 2 * n),
      geometries: this.geometries ? this.geometries.slice(0, n) : null,
      precision_m: this.precision.slice(0, n),
      approx: this.approx.slice(0, n),
      theme: this.theme.slice(0, n),
      status: this.status.slice(0, n),
      county: this.county.slice(0, n),
      rowsRead: this.rowsRead,
      rejected: this.rejected,
      flags: this.flags,
      approxCount: this.approxCount,
      emptyRows: this.emptyRows,
      notes,
    };
  }
}

/** The buffers of an ImportedData, for postMessage's transfer list. */
export function transferables(d: ImportedData): ArrayBuffer[] {
  const out = [d.line, d.positions, d.precision_m, d.approx, d.theme, d.status, d.county].map((a) => a.buffer as ArrayBuffer);
  for (const c of d.cells) out.push(c.bytes.buffer as ArrayBuffer, c.offsets.buffer as ArrayBuffer);
  return out;
}
