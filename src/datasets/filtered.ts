import type { Project } from '../data/projects';
import { COUNTIES, GEOM_KINDS, STATUS_KEYS, THEME_KEYS } from '../data/themes';
import { summarise, type Facet, type Filters, type Summary } from '../state/filters';
import { facetTable, gpuCategories, gpuFilterCategories, searchRows, summariseImported, type ImportedSummary } from './imported-filter';
import type { Dataset, ImportDataset, ReportDataset } from './types';

/** One imported dataset under the current filters. */
export interface ImportedShown {
  dataset: ImportDataset;
  summary: ImportedSummary;
  /** GPU filter inputs for its layers. */
  categories: Uint8Array;
  pointCategories: number[][];
  shapeCategories: number[][];
}

/** Everything the panels and layers read about what the filters show, across datasets. */
export interface FilteredView {
  report: ReportDataset | null;
  /** The report's projects that pass (empty when the report layer is hidden). */
  shown: Project[];
  reportSummary: Summary;
  imports: ImportedShown[];
  /** Facet counts over every visible dataset. */
  counts: Summary['counts'];
  /** Features shown and in total, over every visible dataset. */
  shownTotal: number;
  total: number;
}

export const reportOf = (ds: readonly Dataset[]): ReportDataset | null => (ds.find((d) => d.kind === 'report') as ReportDataset | undefined) ?? null;
export const importsOf = (ds: readonly Dataset[]): ImportDataset[] => ds.filter((d): d is ImportDataset => d.kind === 'import');

/**
 * Computes the filtered view, keeping per-dataset work that the change does not touch: the search
 * and the GPU categories are redone only when the text changes, so a theme, status or county change
 * is one counting pass and a uniform on the GPU.
 */
export function createFilteredView(): (datasets: readonly Dataset[], f: Filters) => FilteredView {
  const cache = new WeakMap<object, { q: string; hits: Uint8Array | null; table: Uint32Array; categories: Uint8Array }>();
  let lastReport: { projects: Project[]; f: Filters; summary: Summary } | null = null;
  return (datasets, f) => {
    const report = reportOf(datasets);
    const projects = report?.visible ? report.data.projects : [];
    if (!lastReport || lastReport.projects !== projects || lastReport.f !== f) lastReport = { projects, f, summary: summarise(projects, f) };
    const reportSummary = lastReport.summary;
    const counts: Record<Facet, Map<string, number>> = {
      themes: new Map(reportSummary.counts.themes), statuses: new Map(reportSummary.counts.statuses),
      counties: new Map(reportSummary.counts.counties), kinds: new Map(reportSummary.counts.kinds),
    };
    let shownTotal = reportSummary.shown.length;
    let total = projects.length;
    const imports: ImportedShown[] = [];
    for (const dataset of importsOf(datasets)) {
      const d = dataset.data;
      let c = cache.get(d);
      if (!c || c.q !== f.q) {
        const hits = searchRows(d, f.q);
        c = { q: f.q, hits, table: facetTable(d, hits), categories: gpuCategories(d, hits) };
        cache.set(d, c);
      }
      // A hidden layer keeps its categories (no upload when shown again) but counts nothing.
      const summary = dataset.visible ? summariseImported(d, f, c.hits, c.table) : NOTHING_SHOWN;
      if (dataset.visible) {
        add(counts.themes, THEME_KEYS, summary.counts.themes);
        add(counts.statuses, STATUS_KEYS, summary.counts.statuses);
        add(counts.counties, COUNTIES, summary.counts.counties);
        add(counts.kinds, GEOM_KINDS, summary.counts.kinds);
        shownTotal += summary.shown;
        total += d.count;
      }
      imports.push({
        dataset, summary, categories: c.categories,
        pointCategories: gpuFilterCategories(f, [0]),
        shapeCategories: gpuFilterCategories(f, [1, 2]),
      });
    }
    return { report, shown: reportSummary.shown, reportSummary, imports, counts, shownTotal, total };
  };
}

const NOTHING_SHOWN: ImportedSummary = {
  shown: 0,
  counts: { themes: new Uint32Array(THEME_KEYS.length), statuses: new Uint32Array(STATUS_KEYS.length), counties: new Uint32Array(COUNTIES.length), kinds: new Uint32Array(GEOM_KINDS.length) },
  row: () => -1,
  allRows: () => new Uint32Array(0),
};

function add(into: Map<string, number>, keys: readonly string[], t: Uint32Array): void {
  keys.forEach((k, i) => t[i] && into.set(k, (into.get(k) ?? 0) + t[i]));
}

/** Theme × status and county tallies of the imported rows shown (for the statistics panel). */
export function tallyImported(imports: readonly ImportedShown[]): { cell: Map<string, number>; byCounty: Map<string, number>; n: number } {
  const tTheme = new Uint32Array(THEME_KEYS.length * (STATUS_KEYS.length + 1));
  const tCounty = new Uint32Array(COUNTIES.length);
  let n = 0;
  for (const { dataset, summary } of imports) {
    if (!dataset.visible) continue;
    const { theme, status, county } = dataset.data;
    const rows = summary.allRows();
    for (let k = 0; k < summary.shown; k++) {
      const i = rows[k];
      const th = theme[i];
      if (th < THEME_KEYS.length) tTheme[th * (STATUS_KEYS.length + 1) + (status[i] < STATUS_KEYS.length ? status[i] : STATUS_KEYS.length)]++;
      if (county[i] < COUNTIES.length) tCounty[county[i]]++;
    }
    n += summary.shown;
  }
  const cell = new Map<string, number>();
  THEME_KEYS.forEach((th, a) => {
    let sum = 0;
    STATUS_KEYS.forEach((st, b) => {
      const v = tTheme[a * (STATUS_KEYS.length + 1) + b];
      if (v) cell.set(`${th}|${st}`, v);
      sum += v;
    });
    sum += tTheme[a * (STATUS_KEYS.length + 1) + STATUS_KEYS.length];
    if (sum) cell.set(th, sum);
  });
  const byCounty = new Map<string, number>();
  COUNTIES.forEach((c, i) => tCounty[i] && byCounty.set(c, tCounty[i]));
  return { cell, byCounty, n };
}
