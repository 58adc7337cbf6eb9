/**
 * A small WKT reader (OGC Simple Features text): POINT, LINESTRING, POLYGON, their MULTI forms and
 * GEOMETRYCOLLECTION, with optional Z / M / ZM (extra ordinates dropped), EMPTY, and an EWKT
 * `SRID=n;` prefix. Returns GeoJSON geometry; throws WktError with the position of a fault.
 */

export class WktError extends Error {}

const WKT_START = /^\s*(?:SRID=\d+\s*;\s*)?(?:POINT|LINESTRING|POLYGON|MULTIPOINT|MULTILINESTRING|MULTIPOLYGON|GEOMETRYCOLLECTION)\s*(?:ZM|Z|M)?\s*(?:\(|EMPTY)/i;

/** True when a cell starts like WKT (cheap: used on samples to detect a WKT column). */
export function looksLikeWkt(v: string): boolean {
  return WKT_START.test(v);
}

type Pos = number[];

/** Parses WKT; null for an EMPTY geometry. */
export function parseWkt(text: string): GeoJSON.Geometry | null {
  let i = 0;
  const s = text;
  const ws = () => {
    while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) i++;
  };
  const fail = (what: string): never => {
    throw new WktError(`WKT: ${what} at character ${i + 1}`);
  };
  const expect = (ch: string) => {
    ws();
    if (s[i] !== ch) fail(`expected "${ch}"`);
    i++;
  };
  const word = () => {
    ws();
    const m = /^(?:GEOMETRYCOLLECTION|MULTIPOLYGON|MULTILINESTRING|MULTIPOINT|POLYGON|LINESTRING|POINT)/i.exec(s.slice(i, i + 24));
    if (!m) fail('expected a geometry type');
    i += m![0].length;
    return m![0].toUpperCase();
  };
  const isEmpty = () => {
    ws();
    if (s.slice(i, i + 5).toUpperCase() === 'EMPTY') {
      i += 5;
      return true;
    }
    return false;
  };
  const num = () => {
    ws();
    const m = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(s.slice(i, i + 40));
    if (!m) fail('expected a number');
    i += m![0].length;
    return Number(m![0]);
  };
  const position = (): Pos => {
    const p = [num(), num()];
    ws();
    // Z and/or M: read and drop (the app is 2D).
    while (i < s.length && /[0-9+\-.]/.test(s[i])) {
      num();
      ws();
    }
    return p;
  };
  const list = <T>(item: () => T): T[] => {
    expect('(');
    const out = [item()];
    ws();
    while (s[i] === ',') {
      i++;
      out.push(item());
      ws();
    }
    expect(')');
    return out;
  };
  // MULTIPOINT allows both (1 2, 3 4) and ((1 2), (3 4)).
  const pointInMulti = (): Pos => {
    ws();
    if (s[i] === '(') {
      i++;
      const p = position();
      expect(')');
      return p;
    }
    return position();
  };
  const ring = () => list(position);
  const geometry = (): GeoJSON.Geometry | null => {
    const type = word();
    ws();
    const dims = /^(ZM|Z|M)\b/i.exec(s.slice(i, i + 3));
    if (dims && !/^EMPTY/i.test(s.slice(i))) i += dims[0].length;
    if (isEmpty()) return null;
    switch (type) {
      case 'POINT': {
        expect('(');
        const p = position();
        expect(')');
        return { type: 'Point', coordinates: p };
      }
      case 'LINESTRING':
        return { type: 'LineString', coordinates: list(position) };
      case 'POLYGON':
        return { type: 'Polygon', coordinates: list(ring) };
      case 'MULTIPOINT':
        return { type: 'MultiPoint', coordinates: list(pointInMulti) };
      case 'MULTILINESTRING':
        return { type: 'MultiLineString', coordinates: list(ring) };
      case 'MULTIPOLYGON':
        return { type: 'MultiPolygon', coordinates: list(() => list(ring)) };
      case 'GEOMETRYCOLLECTION':
        return { type: 'GeometryCollection', geometries: list(geometry).filter((g): g is GeoJSON.Geometry => g !== null) };
      default:
        return fail(`unknown geometry type ${type}`);
    }
  };
  ws();
  const srid = /^SRID=(\d+)\s*;/i.exec(s.slice(i, i + 20));
  if (srid) {
    // 4490 = CGCS2000, China's datum: within centimetres of WGS-84.
    if (srid[1] !== '4326' && srid[1] !== '4490') throw new WktError(`WKT: SRID=${srid[1]} is not WGS-84 (4326) or CGCS2000 (4490)`);
    i += srid[0].length;
  }
  const g = geometry();
  ws();
  if (i < s.length) fail('unexpected text after the geometry');
  return g;
}
