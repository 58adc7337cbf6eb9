import type { Link, Project } from '../data/projects';
import { COUNTIES, COUNTY_EN, GEOM_KINDS, STATUS_KEYS, THEME_KEYS, THEMES, statusInfo, themeInfo, type ThemeInfo } from '../data/themes';
import { bboxOf } from '../geo/measure';
import { t, type Lang } from '../i18n';
import { summarise, type Filters } from '../state/filters';

/** [west, south, east, north] in WGS-84. */
export type Bounds = [number, number, number, number];

/**
 * A data set other than the report's projects (an import, a sketch), as the shared design note
 * describes it (`src/datasets/`: `{ id, name, kind, colour, visible }`). Read structurally from
 * the state, so a data set added by another feature reaches the exported legend with no wiring.
 */
export interface LegendDataset {
  name: string;
  /** CSS colour or [r, g, b]. */
  colour?: string | readonly number[];
  color?: string | readonly number[];
  visible?: boolean;
  /** Features or rows, when known: shown beside the name. */
  count?: number;
}

export interface LegendModel {
  themes: ThemeInfo[];
  /** Which status marks the map shows. */
  marks: { notStarted: boolean; building: boolean; done: boolean; link: boolean; precision: boolean };
  datasets: { name: string; colour: string; count?: number }[];
}

const intersects = (a: Bounds, b: Bounds) => a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];

function cssColour(c: LegendDataset['colour']): string {
  if (typeof c === 'string' && /^(#[0-9a-f]{3,8}|rgba?\([\d\s.,%]+\))$/i.test(c)) return c;
  if (Array.isArray(c) && c.length >= 3 && c.every((x) => Number.isFinite(x))) return `rgb(${c[0]},${c[1]},${c[2]})`;
  return '#666';
}

/** Visible data sets in `state.datasets`, if the app has any; anything malformed is left out. */
export function datasetsOf(state: unknown): LegendModel['datasets'] {
  const list = (state as { datasets?: unknown }).datasets;
  if (!Array.isArray(list)) return [];
  return list
    .filter((d): d is LegendDataset => Boolean(d) && typeof (d as LegendDataset).name === 'string' && (d as LegendDataset).visible !== false)
    // The report is itself a data set in the design note: its legend is the themes above.
    .filter((d) => (d as { kind?: string }).kind !== 'report')
    .map((d) => ({ name: d.name.slice(0, 80), colour: cssColour(d.colour ?? d.color), count: Number.isFinite(d.count) ? d.count : undefined }));
}

/**
 * What the exported map actually shows: the themes and status marks of the projects that pass
 * the filters and lie in `bounds`, the regional links in view, the precision ring of a chosen
 * point, and any other visible data set.
 */
export function legendModel(projects: Project[], links: Link[], filters: Filters, selectedId: string | null, bounds: Bounds, state: unknown): LegendModel {
  const shown = summarise(projects, filters).shown.filter((p) => intersects(bboxOf(p.geometry) as Bounds, bounds));
  const themeKeys = new Set(shown.map((p) => p.theme));
  const statuses = shown.map((p) => statusInfo(p.status));
  const chosen = selectedId ? projects.find((p) => p.id === selectedId) : undefined;
  return {
    themes: THEMES.filter((th) => themeKeys.has(th.key)),
    marks: {
      notStarted: statuses.some((s) => s.notStarted),
      building: statuses.some((s) => !s.notStarted && !s.done),
      done: statuses.some((s) => s.done),
      link: links.some((l) => intersects(bboxOf(l.geometry) as Bounds, bounds)),
      precision: Boolean(chosen && chosen.geometry.type === 'Point' && intersects(bboxOf(chosen.geometry) as Bounds, bounds)),
    },
    datasets: datasetsOf(state),
  };
}

/** The active filters in words (values in the legend's order), one line per filtered facet; "no filter" when there is none. */
export function filtersInWords(projects: Project[], filters: Filters, selectedId: string | null, lang: Lang): string[] {
  const zh = lang === 'zh';
  const sep = t(lang, 'listSeparator');
  const lines: string[] = [];
  const colon = zh ? '：' : ': ';
  if (filters.themes.length !== THEME_KEYS.length) {
    lines.push(t(lang, 'filterTheme') + colon + (THEME_KEYS.filter((k) => filters.themes.includes(k)).map((k) => (zh ? themeInfo(k).zh : themeInfo(k).en)).join(sep) || t(lang, 'publishNone')));
  }
  if (filters.statuses.length !== STATUS_KEYS.length) {
    lines.push(t(lang, 'filterStatus') + colon + (STATUS_KEYS.filter((k) => filters.statuses.includes(k)).map((k) => (zh ? statusInfo(k).zh : statusInfo(k).en)).join(sep) || t(lang, 'publishNone')));
  }
  if (filters.counties.length !== COUNTIES.length) {
    lines.push(t(lang, 'filterCounty') + colon + (COUNTIES.filter((c) => filters.counties.includes(c)).map((c) => (zh ? c : COUNTY_EN[c])).join(sep) || t(lang, 'publishNone')));
  }
  if (filters.kinds.length !== GEOM_KINDS.length) {
    lines.push(t(lang, 'filterKind') + colon + (GEOM_KINDS.filter((k) => filters.kinds.includes(k)).map((k) => t(lang, `kind_${k}`)).join(sep) || t(lang, 'publishNone')));
  }
  if (filters.q) lines.push(t(lang, 'publishSearch', { q: filters.q }));
  if (!lines.length) lines.push(t(lang, 'publishNoFilter'));
  lines.push(t(lang, 'shown', { n: summarise(projects, filters).shown.length, total: projects.length }));
  const chosen = selectedId ? projects.find((p) => p.id === selectedId) : undefined;
  if (chosen) lines.push(t(lang, 'publishChosen', { name: zh ? chosen.name : chosen.name_en || chosen.name }));
  return lines;
}
