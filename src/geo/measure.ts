import * as turf from '@turf/turf';

type Geom = GeoJSON.Geometry;

/** Length in km of a line geometry (0 for others). */
export function lengthKm(g: Geom): number {
  return g.type === 'LineString' || g.type === 'MultiLineString' ? turf.length(turf.feature(g), { units: 'kilometers' }) : 0;
}

/** Area in km² of a polygon geometry (0 for others). */
export function areaKm2(g: Geom): number {
  return g.type === 'Polygon' || g.type === 'MultiPolygon' ? turf.area(turf.feature(g)) / 1e6 : 0;
}

/** A point that stands for the geometry: the point itself, a point on the line or inside the area. */
export function anchorOf(g: Geom): [number, number] {
  if (g.type === 'Point') return g.coordinates as [number, number];
  return turf.pointOnFeature(turf.feature(g)).geometry.coordinates as [number, number];
}

/**
 * True distance in km from a point to the nearest part of a geometry: to a line's nearest segment,
 * to an area's nearest edge, 0 when the point lies inside the area.
 */
export function distanceToGeometryKm(pt: [number, number], g: Geom): number {
  const p = turf.point(pt);
  switch (g.type) {
    case 'Point':
      return turf.distance(p, turf.point(g.coordinates), { units: 'kilometers' });
    case 'MultiPoint':
      return Math.min(...g.coordinates.map((c) => turf.distance(p, turf.point(c), { units: 'kilometers' })));
    case 'LineString':
      return turf.pointToLineDistance(p, turf.lineString(g.coordinates), { units: 'kilometers' });
    case 'MultiLineString':
      return Math.min(...g.coordinates.map((c) => turf.pointToLineDistance(p, turf.lineString(c), { units: 'kilometers' })));
    case 'Polygon':
    case 'MultiPolygon': {
      if (turf.booleanPointInPolygon(p, g)) return 0;
      const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
      return Math.min(...polys.flatMap((rings) => rings.map((r) => turf.pointToLineDistance(p, turf.lineString(r), { units: 'kilometers' }))));
    }
    default:
      return Infinity;
  }
}

/** Bounding box [w, s, e, n] of a geometry. */
export function bboxOf(g: Geom): [number, number, number, number] {
  return turf.bbox(turf.feature(g)) as [number, number, number, number];
}

/** "850 m" / "12.3 km" */
export function formatKm(km: number): string {
  if (km < 1) return `${Math.round(km * 1000)} m`;
  return `${km < 10 ? km.toFixed(1) : Math.round(km)} km`;
}
