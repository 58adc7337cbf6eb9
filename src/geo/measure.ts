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

/** Bounding box [w, s, e, n] of a geometry. */
export function bboxOf(g: Geom): [number, number, number, number] {
  return turf.bbox(turf.feature(g)) as [number, number, number, number];
}

/** "850 m" / "12.3 km" */
export function formatKm(km: number): string {
  if (km < 1) return `${Math.round(km * 1000)} m`;
  return `${km < 10 ? km.toFixed(1) : Math.round(km)} km`;
}
