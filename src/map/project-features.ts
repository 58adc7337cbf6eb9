import type { Link, Project } from '../data/projects';
import { areaKm2 } from '../geo/measure';

/** A project as the map draws it: a GeoJSON Feature whose properties are the Project. */
export type ProjectFeature = GeoJSON.Feature<GeoJSON.Geometry, Project & { filterIndex: number; offset: number; areaKm2: number }>;

/** Projects as features, split by kind once: deck.gl recomputes attributes whenever `data` changes identity. */
export interface ProjectFeatures {
  areas: ProjectFeature[];
  lines: ProjectFeature[];
  points: ProjectFeature[];
  links: GeoJSON.Feature[];
}

export function toFeatures(projects: Project[], links: Link[]): ProjectFeatures {
  // Lines that share a corridor (the Yangtze items) are drawn side by side, not on top of each other.
  const sameLine = new Map<string, number>();
  const all: ProjectFeature[] = projects.map((p, i) => {
    let offset = 0;
    if (p.kind === 'line') {
      const key = JSON.stringify(p.geometry);
      const n = sameLine.get(key) ?? 0;
      sameLine.set(key, n + 1);
      offset = n === 0 ? 0 : n % 2 ? -Math.ceil(n / 2) : Math.ceil(n / 2);
    }
    return { type: 'Feature', geometry: p.geometry, properties: { ...p, filterIndex: i, offset, areaKm2: areaKm2(p.geometry) } };
  });
  return {
    // Largest areas first, so smaller ones inside them stay visible and clickable.
    areas: all.filter((f) => f.properties.kind === 'area').sort((a, b) => b.properties.areaKm2 - a.properties.areaKm2),
    lines: all.filter((f) => f.properties.kind === 'line'),
    points: all.filter((f) => f.properties.kind === 'point'),
    links: links.map((l) => ({ type: 'Feature', geometry: l.geometry, properties: l })),
  };
}

/** The deck.gl layers of the report's projects (project-layers.ts): picks and "drawn" name them. */
export const PROJECT_LAYER_IDS = ['project-areas', 'project-lines', 'project-points'];
