import * as turf from '@turf/turf';

// Apart from measure.ts: anchors and distances need turf's point-in-polygon and nearest-point
// code, which the first view does not (it is fetched with the details card and near-me).

type Geom = GeoJSON.Geometry;

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
