import { COUNTIES, GEOM_KINDS, STATUS_KEYS, THEME_KEYS } from '../data/themes';
import type { ImportedData } from '../import/types';
import type { Filters } from '../state/filters';
import { columnString } from './cell-text';

/**
 * Filtering an imported dataset without a single per-row object: every facet is a small integer
 * per row, compared against bit masks in one pass (a million rows in a few milliseconds).
 * Rows whose theme/status/county is unknown (NO_CODE) pass that facet only while it is not
 * narrowed: unticking a theme should not keep rows that have no theme at all.
 */

/** GPU category used for "no code" (NO_CODE does not fit the 32 categories a channel holds). */
export const GPU_NONE = 30;
/** A category no row has: the filter list for "nothing allowed". */
export const GPU_NEVER = 31;

/** Per-dataset derived arrays, built once per ImportedData. */
export interface ImportedIndex {
  /** 0 point, 1 line, 2 area (GEOM_KINDS order). */
  kind: Uint8Array;
  /** Number of point rows (drawn by the scatter layer). */
  points: number;
  /** Lazily built search text of the name and address columns (or the first column). */
  search: { text: string; starts: Uint32Array }[] | null;
}

const indexes = new WeakMap<ImportedData, ImportedIndex>();

const KIND_OF_GEOMETRY: Record<string, number> = { LineString: 1, MultiLineString: 1, Polygon: 2, MultiPolygon: 2 };

export function importedIndex(d: ImportedData): ImportedIndex {
  let ix = indexes.get(d);
  if (ix) return ix;
  const kind = new Uint8Array(d.count);
  let points = d.count;
  if (d.geometries) {
    for (let i = 0; i < d.count; i++) {
      const g = d.geometries[i];
      if (!g) continue;
      kind[i] = KIND_OF_GEOMETRY[g.type] ?? 0;
      if (kind[i]) points--;
    }
  }
  ix = { kind, points, search: null };
  indexes.set(d, ix);
  return ix;
}

/** The columns a search looks in: the mapped name and address, else the first column. */
function searchColumns(d: ImportedData): number[] {
  const cols = [d.mapping.name, d.mapping.address].map((c) => (c ? d.columns.indexOf(c) : -1)).filter((c) => c >= 0);
  return cols.length ? cols : d.columns.length ? [0] : [];
}

/**
 * 1 where the row's name or address contains `needle` (case-insensitive), else 0; null when the
 * needle is empty. The columns are decoded once, on the first search.
 */
export function searchRows(d: ImportedData, needle: string): Uint8Array | null {
  const q = needle.trim().toLowerCase();
  if (!q) return null;
  const ix = importedIndex(d);
  ix.search ??= searchColumns(d).map((c) => {
    const s = columnString(d.cells[c], d.count);
    const lower = s.text.toLowerCase();
    // Lower-casing that changes lengths (rare letters) would shift every offset: keep the original then.
    return { text: lower.length === s.text.length ? lower : s.text, starts: s.starts };
  });
  const hit = new Uint8Array(d.count);
  for (const { text, starts } of ix.search) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(q, from);
      if (at < 0) break;
      // The row holding `at`: binary search over the cell starts.
      let lo = 0;
      let hi = d.count - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= at) lo = mid;
        else hi = mid - 1;
      }
      if (at + q.length <= starts[lo + 1]) {
        hit[lo] = 1;
        from = starts[lo + 1];
      } else from = at + 1; // the match crossed into the next cell: not a match
    }
  }
  return hit;
}

export interface ImportedSummary {
  shown: number;
  /** Per facet, counts per value under the other facets (as the report's counts). */
  counts: { themes: Uint32Array; statuses: Uint32Array; counties: Uint32Array; kinds: Uint32Array };
  /** The index of the k-th row that passes every filter (k < shown), in file order; found by scanning only as far as k. */
  row(k: number): number;
  /** Every passing row's index, in file order (one pass over the rows, made on the first call). */
  allRows(): Uint32Array;
}

const T = THEME_KEYS.length + 1;
const S = STATUS_KEYS.length + 1;
const C = COUNTIES.length + 1;
const K = GEOM_KINDS.length;
/** A facet code's slot in the table: unknown codes share the last one. */
const slot = (code: number, n: number) => (code < n ? code : n);

/**
 * 1 for each value of a facet the filter lets through, by code, and in the last slot (no code)
 * 1 only while the facet is not narrowed: unticking a theme should not keep rows with no theme.
 */
function passing(chosen: readonly string[], all: readonly string[]): Uint8Array {
  const ok = new Uint8Array(all.length + 1);
  for (const k of chosen) {
    const i = all.indexOf(k);
    if (i >= 0) ok[i] = 1;
  }
  ok[all.length] = chosen.length === all.length ? 1 : 0;
  return ok;
}

/**
 * How many rows share each combination of theme, status, county and kind (unknown codes in a slot
 * of their own), among the rows the search lets through. A few hundred cells: a filter change then
 * counts cells instead of rows, so it costs the same with a million rows as with ten. Built once
 * per dataset and search text (one pass over the rows).
 */
export function facetTable(d: ImportedData, hits: Uint8Array | null): Uint32Array {
  const ready = hits ? undefined : primed.get(d);
  if (ready) return ready.table;
  const kind = importedIndex(d).kind;
  const { theme, status, county } = d;
  const cells = new Uint32Array(T * S * C * K);
  for (let i = 0; i < d.count; i++) {
    if (hits && !hits[i]) continue;
    cells[((slot(theme[i], T - 1) * S + slot(status[i], S - 1)) * C + slot(county[i], C - 1)) * K + kind[i]]++;
  }
  return cells;
}

/**
 * Filters one imported dataset and counts every facet. `hits` from {@link searchRows}; `table`
 * from {@link facetTable} for the same hits (made here when not given). The counts come from the
 * table; the passing rows are found only when asked for (the list asks for the few it shows).
 */
export function summariseImported(d: ImportedData, f: Filters, hits: Uint8Array | null, table = facetTable(d, hits)): ImportedSummary {
  // Per facet, 1 where a value's slot passes; the same answers serve the table and the row scan.
  const okT = passing(f.themes, THEME_KEYS);
  const okS = passing(f.statuses, STATUS_KEYS);
  const okC = passing(f.counties, COUNTIES);
  const okK = passing(f.kinds, GEOM_KINDS);
  const tTheme = new Uint32Array(THEME_KEYS.length);
  const tStatus = new Uint32Array(STATUS_KEYS.length);
  const tCounty = new Uint32Array(COUNTIES.length);
  const tKind = new Uint32Array(GEOM_KINDS.length);
  let shown = 0;
  for (let th = 0; th < T; th++) {
    const okTheme = okT[th];
    for (let st = 0; st < S; st++) {
      const okStatus = okS[st];
      for (let co = 0; co < C; co++) {
        const okCounty = okC[co];
        for (let k = 0; k < K; k++) {
          const n = table[((th * S + st) * C + co) * K + k];
          if (!n) continue;
          const okKind = okK[k];
          const fails = 4 - okTheme - okStatus - okCounty - okKind;
          if (fails > 1) continue;
          // A row failing one facet only counts towards that facet's values.
          if (okStatus && okCounty && okKind && th < T - 1) tTheme[th] += n;
          if (okTheme && okCounty && okKind && st < S - 1) tStatus[st] += n;
          if (okTheme && okStatus && okKind && co < C - 1) tCounty[co] += n;
          if (okTheme && okStatus && okCounty) tKind[k] += n;
          if (fails === 0) shown += n;
        }
      }
    }
  }
  // The passing rows, found by a scan that resumes where the last request stopped.
  const rows = new Uint32Array(shown);
  let found = 0;
  let next = 0;
  const kind = importedIndex(d).kind;
  const { theme, status, county } = d;
  const scanTo = (k: number) => {
    for (; found <= k && next < d.count; next++) {
      const i = next;
      if (hits && !hits[i]) continue;
      if (okT[slot(theme[i], T - 1)] && okS[slot(status[i], S - 1)] && okC[slot(county[i], C - 1)] && okK[kind[i]]) rows[found++] = i;
    }
  };
  return {
    shown,
    counts: { themes: tTheme, statuses: tStatus, counties: tCounty, kinds: tKind },
    row(k) {
      if (k >= found) scanTo(k);
      return rows[k];
    },
    allRows() {
      scanTo(shown - 1);
      return rows;
    },
  };
}

/** The per-row arrays a dataset's filters start from (no search): built where the rows are parsed. */
export interface FilterArrays {
  categories: Uint8Array;
  table: Uint32Array;
}

const primed = new WeakMap<ImportedData, FilterArrays>();

/** What {@link gpuCategories} and {@link facetTable} give with no search: run in the CSV worker, off the page's thread. */
export function filterArrays(d: ImportedData): FilterArrays {
  return { categories: gpuCategories(d, null), table: facetTable(d, null) };
}

/**
 * Hands over arrays made by {@link filterArrays} elsewhere (the CSV worker) for `d`: the page then
 * does not spend a pass over a million rows on them as the import lands. Ignored if their sizes
 * do not fit `d`.
 */
export function primeFilterArrays(d: ImportedData, a: FilterArrays): void {
  if (a.categories.length === d.count * 4 && a.table.length === T * S * C * K) primed.set(d, a);
}

/**
 * The per-row GPU filter categories: theme, status, kind and county codes (GPU_NONE for none),
 * four bytes per row. Every filter but the search is then a change of the allowed categories (a
 * uniform) on the GPU. With a search, a row it does not find has GPU_NEVER as its county, which no
 * filter allows. Every value is below 32 (a channel's categories), so a byte holds it: a million
 * rows are 4 MB to allocate and upload (deck.gl reads them as a uvec4 either way).
 */
export function gpuCategories(d: ImportedData, hits: Uint8Array | null): Uint8Array {
  const ready = hits ? undefined : primed.get(d);
  if (ready) return ready.categories;
  const kind = importedIndex(d).kind;
  const { theme, status, county, count } = d;
  const out = new Uint8Array(count * 4);
  const nT = THEME_KEYS.length;
  const nS = STATUS_KEYS.length;
  const nC = COUNTIES.length;
  for (let i = 0, o = 0; i < count; i++, o += 4) {
    out[o] = theme[i] < nT ? theme[i] : GPU_NONE;
    out[o + 1] = status[i] < nS ? status[i] : GPU_NONE;
    out[o + 2] = kind[i];
    out[o + 3] = hits && !hits[i] ? GPU_NEVER : county[i] < nC ? county[i] : GPU_NONE;
  }
  return out;
}

/** The allowed categories per channel for the GPU filter (see {@link gpuCategories}). */
export function gpuFilterCategories(f: Filters, kindsAllowed: readonly number[]): number[][] {
  const orNever = (xs: number[]) => (xs.length ? xs : [GPU_NEVER]);
  const themes = f.themes.map((k) => THEME_KEYS.indexOf(k));
  const statuses = f.statuses.map((k) => STATUS_KEYS.indexOf(k));
  if (f.themes.length === THEME_KEYS.length) themes.push(GPU_NONE);
  if (f.statuses.length === STATUS_KEYS.length) statuses.push(GPU_NONE);
  const kinds = f.kinds.map((k) => GEOM_KINDS.indexOf(k)).filter((k) => kindsAllowed.includes(k));
  const counties = f.counties.map((k) => COUNTIES.indexOf(k));
  if (f.counties.length === COUNTIES.length) counties.push(GPU_NONE);
  return [orNever(themes), orNever(statuses), orNever(kinds), orNever(counties)];
}
