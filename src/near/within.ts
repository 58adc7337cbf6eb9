// Distances from a place to the projects: near-me's list, the details card's neighbours.
import type { Project } from '../data/projects';
import { anchorOf, distanceToGeometryKm } from '../geo/distance';
import { areaKm2 } from '../geo/measure';
import type { Neighbour } from '../ui/details';
import type { NearbyProject } from './near';

/** Projects within `radiusKm` of `pt`, nearest first (ties by id, so the order is stable). */
export function projectsWithin(pt: [number, number], radiusKm: number, projects: Project[]): NearbyProject[] {
  return projects
    .map((project) => ({ project, km: distanceToGeometryKm(pt, project.geometry) }))
    .filter((x) => x.km <= radiusKm)
    // Ids are ASCII: compared as code units, not by a collator, whose locale data the first search would load (30 ms of a 4×-throttled page here, in en-US).
    .sort((a, b) => a.km - b.km || (a.project.id < b.project.id ? -1 : a.project.id > b.project.id ? 1 : 0));
}

/** How far `pt` lies outside the area (km), 0 inside it. */
export function kmOutside(pt: [number, number], area: GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon>): number {
  return distanceToGeometryKm(pt, area.geometry);
}

/** The nearest other projects to `p`, measured from p's anchor to each one's nearest part. */
export function nearestProjects(p: Project, all: Project[], n = 3): Neighbour[] {
  const from = anchorOf(p.geometry);
  // Basin- and county-wide zones contain everything: they are nobody's neighbour.
  return all
    .filter((o) => o.id !== p.id && areaKm2(o.geometry) < 500)
    .map((o) => ({ project: o, km: distanceToGeometryKm(from, o.geometry) }))
    .sort((a, b) => a.km - b.km)
    .slice(0, n);
}
