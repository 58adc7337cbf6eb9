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

export interface Summary {
  /** The projects that pass every filter, in data order. */
  shown: Project[];
  /**
   * For each facet, counts per value under every *other* active filter: the number a person would
   * see if they ticked that value (kepler.gl's charts ignored the other filters; ours do not).
   */
  counts: Record<Facet, Map<string, number>>;
}

/** Each project's facet values as small integers and bit masks, computed once per data set. */
interface FacetIndex {
  theme: Uint8Array;
  status: Uint8Array;
  kind: Uint8Array;
  /** Bit i set: the project lies in COUNTIES[i]. */
  county: Uint8Array;
  text: string[];
}
const indexes = new WeakMap<Project[], FacetIndex>();
function indexOf(projects: Project[]): FacetIndex {
  let ix = indexes.get(projects);
  if (ix) return ix;
  const n = projects.length;
  ix = { theme: new Uint8Array(n), status: new Uint8Array(n), kind: new Uint8Array(n), county: new Uint8Array(n), text: new Array<string>(n) };
  projects.forEach((p, i) => {
    ix!.theme[i] = THEME_KEYS.indexOf(p.theme);
    ix!.status[i] = STATUS_KEYS.indexOf(p.status);
    ix!.kind[i] = GEOM_KINDS.indexOf(p.kind);
    ix!.county[i] = p.county.reduce((m, c) => m | (1 << COUNTIES.indexOf(c)), 0);
    ix!.text[i] = [p.name, p.name_en, p.quote].map(normalise).join('\u0000');
  });
  indexes.set(projects, ix);
  return ix;
}
const maskOf = (keys: readonly string[], all: readonly string[]) => keys.reduce((m, k) => m | (1 << all.indexOf(k)), 0);

/** Filters and counts every facet in one pass over small integers, so a change stays cheap with 100k projects. */
export function summarise(projects: Project[], f: Filters): Summary {
  const ix = indexOf(projects);
  const themeMask = maskOf(f.themes, THEME_KEYS);
  const statusMask = maskOf(f.statuses, STATUS_KEYS);
  const countyMask = maskOf(f.counties, COUNTIES);
  const kindMask = maskOf(f.kinds, GEOM_KINDS);
  const needle = normalise(f.q);
  const tTheme = new Uint32Array(THEME_KEYS.length);
  const tStatus = new Uint32Array(STATUS_KEYS.length);
  const tCounty = new Uint32Array(COUNTIES.length);
  const tKind = new Uint32Array(GEOM_KINDS.length);
  const shown: Project[] = [];
  for (let i = 0; i < projects.length; i++) {
    if (needle && !ix.text[i].includes(needle)) continue;
    const okTheme = (themeMask >> ix.theme[i]) & 1;
    const okStatus = (statusMask >> ix.status[i]) & 1;
    const okCounty = ix.county[i] & countyMask ? 1 : 0;
    const okKind = (kindMask >> ix.kind[i]) & 1;
    const fails = 4 - okTheme - okStatus - okCounty - okKind;
    if (fails > 1) continue;
    // A project failing one facet only counts towards that facet's values.
    if (okStatus && okCounty && okKind) tTheme[ix.theme[i]]++;
    if (okTheme && okCounty && okKind) tStatus[ix.status[i]]++;
    if (okTheme && okStatus && okKind) for (let c = 0; c < COUNTIES.length; c++) if ((ix.county[i] >> c) & 1) tCounty[c]++;
    if (okTheme && okStatus && okCounty) tKind[ix.kind[i]]++;
    if (fails === 0) shown.push(projects[i]);
  }
  const toMap = (keys: readonly string[], t: Uint32Array) => new Map(keys.map((k, i) => [k, t[i]] as [string, number]).filter(([, n]) => n > 0));
  return {
    shown,
    counts: { themes: toMap(THEME_KEYS, tTheme), statuses: toMap(STATUS_KEYS, tStatus), counties: toMap(COUNTIES, tCounty), kinds: toMap(GEOM_KINDS, tKind) },
  };
}

/**
 * Writes 1 where a project passes the county and text filters, else 0: the per-feature part of
 * the GPU filter (theme, status and kind are compared on the GPU).
 */
export function countyTextFlags(projects: Project[], f: Filters, out: Float32Array): void {
  const ix = indexOf(projects);
  const countyMask = maskOf(f.counties, COUNTIES);
  const needle = normalise(f.q);
  for (let i = 0; i < projects.length; i++) out[i] = ix.county[i] & countyMask && (!needle || ix.text[i].includes(needle)) ? 1 : 0;
}

export function applyFilters(projects: Project[], f: Filters): Project[] {
  return summarise(projects, f).shown;
}


export function isDefault(f: Filters): boolean {
  return (
    f.q === '' && f.themes.length === THEME_KEYS.length && f.statuses.length === STATUS_KEYS.length &&
    f.counties.length === COUNTIES.length && f.kinds.length === GEOM_KINDS.length
  );
}
