import type { Project } from '../data/projects';
import { COUNTIES, GEOM_KINDS, STATUS_KEYS, THEME_KEYS, type County, type GeomKind, type StatusKey, type ThemeKey } from '../data/themes';

/** Which values of each facet are allowed; every value allowed means no filter on that facet. */
export interface Filters {
  themes: ThemeKey[];
  statuses: StatusKey[];
  counties: County[];
  kinds: GeomKind[];
  q: string;
}

export const DEFAULT_FILTERS: Filters = {
  themes: [...THEME_KEYS], statuses: [...STATUS_KEYS], counties: [...COUNTIES], kinds: [...GEOM_KINDS], q: '',
};

export type Facet = 'themes' | 'statuses' | 'counties' | 'kinds';

/** Lower-case, white space removed: the report's line breaks must not stop a match. */
export function normalise(s: string): string {
  return s.toLowerCase().replace(/\s+/g, '');
}

function matchesText(p: Project, q: string): boolean {
  if (!q) return true;
  const needle = normalise(q);
  return [p.name, p.name_en, p.quote].some((h) => normalise(h).includes(needle));
}

function passes(p: Project, f: Filters, skip?: Facet): boolean {
  return (
    (skip === 'themes' || f.themes.includes(p.theme)) &&
    (skip === 'statuses' || f.statuses.includes(p.status)) &&
    (skip === 'counties' || p.county.some((c) => f.counties.includes(c))) &&
    (skip === 'kinds' || f.kinds.includes(p.kind)) &&
    matchesText(p, f.q)
  );
}

export function applyFilters(projects: Project[], f: Filters): Project[] {
  return projects.filter((p) => passes(p, f));
}

/**
 * Counts for each value of a facet, under every *other* active filter: the number a person would
 * see if they ticked that value (kepler.gl's charts ignored the other filters; ours do not).
 */
export function facetCounts(projects: Project[], f: Filters, facet: Facet): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of projects) {
    if (!passes(p, f, facet)) continue;
    const keys = facet === 'themes' ? [p.theme] : facet === 'statuses' ? [p.status] : facet === 'kinds' ? [p.kind] : p.county;
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

export function isDefault(f: Filters): boolean {
  return (
    f.q === '' && f.themes.length === THEME_KEYS.length && f.statuses.length === STATUS_KEYS.length &&
    f.counties.length === COUNTIES.length && f.kinds.length === GEOM_KINDS.length
  );
}
