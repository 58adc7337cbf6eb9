import * as turf from '@turf/turf';
import type { Project } from '../data/projects';
import { distanceToGeometryKm } from '../geo/measure';

export const RADII_KM = [1, 3, 5, 10, 20] as const;
export type RadiusKm = (typeof RADII_KM)[number];

export interface NearbyProject {
  project: Project;
  /** True distance to the nearest part of the project, 0 when the place is inside it. */
  km: number;
}

/** Projects within `radiusKm` of `pt`, nearest first (ties by name, so the order is stable). */
export function projectsWithin(pt: [number, number], radiusKm: number, projects: Project[]): NearbyProject[] {
  return projects
    .map((project) => ({ project, km: distanceToGeometryKm(pt, project.geometry) }))
    .filter((x) => x.km <= radiusKm)
    .sort((a, b) => a.km - b.km || a.project.id.localeCompare(b.project.id));
}

/** The next larger radius on offer, or null at the largest. */
export function nextRadius(r: number): RadiusKm | null {
  return RADII_KM.find((x) => x > r) ?? null;
}

/** How far `pt` lies outside the area (km), 0 inside it. */
export function kmOutside(pt: [number, number], area: GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon>): number {
  return distanceToGeometryKm(pt, area.geometry);
}

/** The circle drawn on the map. */
export function radiusCircle(pt: [number, number], radiusKm: number): GeoJSON.Feature<GeoJSON.Polygon> {
  return turf.circle(pt, radiusKm, { steps: 96, units: 'kilometers' });
}
