import * as turf from '@turf/turf';
import type { Project } from '../data/projects';

export const RADII_KM = [1, 3, 5, 10, 20] as const;
export type RadiusKm = (typeof RADII_KM)[number];

export interface NearbyProject {
  project: Project;
  /** True distance to the nearest part of the project, 0 when the place is inside it. */
  km: number;
}

/** The next larger radius on offer, or null at the largest. */
export function nextRadius(r: number): RadiusKm | null {
  return RADII_KM.find((x) => x > r) ?? null;
}

/** The circle drawn on the map. */
export function radiusCircle(pt: [number, number], radiusKm: number): GeoJSON.Feature<GeoJSON.Polygon> {
  return turf.circle(pt, radiusKm, { steps: 96, units: 'kilometers' });
}
