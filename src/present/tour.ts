import type { Project } from '../data/projects';
import { THEMES, type ThemeKey } from '../data/themes';
import { bboxOf } from '../geo/measure';

export type Bounds = [number, number, number, number];

/** One stop of the guided tour: the overview, a theme with its statistics, or a project. */
export type TourStop =
  | { kind: 'overview'; bounds: Bounds; count: number }
  | { kind: 'theme'; theme: ThemeKey; bounds: Bounds; projects: Project[] }
  | { kind: 'project'; theme: ThemeKey; project: Project; bounds: Bounds };

function union(bs: Bounds[]): Bounds {
  return [Math.min(...bs.map((b) => b[0])), Math.min(...bs.map((b) => b[1])), Math.max(...bs.map((b) => b[2])), Math.max(...bs.map((b) => b[3]))];
}

/**
 * The tour, built from the data alone: the overview of Jingzhou, then each theme in the report's
 * order (only those with projects under the active filters), each followed by its projects.
 */
export function buildTour(shown: Project[], overview: Bounds): TourStop[] {
  const stops: TourStop[] = [{ kind: 'overview', bounds: overview, count: shown.length }];
  for (const th of THEMES) {
    const ps = shown.filter((p) => p.theme === th.key);
    if (!ps.length) continue;
    stops.push({ kind: 'theme', theme: th.key, bounds: union(ps.map((p) => bboxOf(p.geometry))), projects: ps });
    for (const p of ps) stops.push({ kind: 'project', theme: th.key, project: p, bounds: bboxOf(p.geometry) });
  }
  return stops;
}
