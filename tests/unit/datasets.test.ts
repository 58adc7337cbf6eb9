import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { DEFAULT_FILTERS } from '../../src/state/filters';
import { COUNTIES, STATUS_KEYS, THEME_KEYS } from '../../src/data/themes';
import { NO_CODE, type ImportedData, type TextColumn } from '../../src/import/types';
import { gpuCategories, gpuFilterCategories, GPU_NEVER, GPU_NONE, searchRows, summariseImported } from '../../src/datasets/imported-filter';
import { cellText, columnString } from '../../src/datasets/cell-text';
import { createDatasetStore, StorageError, type KeyValue } from '../../src/datasets/persist';
import { IMPORT_COLOURS, minDistanceToThemes, nextColour } from '../../src/datasets/colours';
import { importedFeatureId, parseFeatureId, type ImportDataset } from '../../src/datasets/types';
import { toCsv, toGeoJson, tableToCsv } from '../../src/data/export';

/** A text column from strings (what the core's worker hands over). */
function column(cells: string[]): TextColumn {
  const enc = new TextEncoder();
  const parts = cells.map((c) => enc.encode(c));
  const offsets = new Uint32Array(cells.length + 1);
  parts.forEach((p, i) => (offsets[i + 1] = offsets[i] + p.length));
  const bytes = new Uint8Array(offsets[cells.length]);
  parts.forEach((p, i) => bytes.set(p, offsets[i]));
  return { bytes, offsets };
}

/** ImportedData built by hand (unit tests of the dataset layer only). */
function data(rows: { name: string; lon: number; lat: number; theme?: number; status?: number; county?: number; approx?: boolean; extra?: string }[]): ImportedData {
  const n = rows.length;
  return {
    format: 'csv', fileName: 't.csv', crs: 'wgs84', mapping: { name: 'name', lon: 'lon', lat: 'lat' },
    columns: ['name', 'lon', 'lat', '__proto__'],
    cells: [column(rows.map((r) => r.name)), column(rows.map((r) => String(r.lon))), column(rows.map((r) => String(r.lat))), column(rows.map((r) => r.extra ?? ''))],
    count: n, line: Uint32Array.from(rows, (_, i) => i + 2), positions: Float64Array.from(rows.flatMap((r) => [r.lon, r.lat])),
    geometries: null, precision_m: new Float32Array(n), approx: Uint8Array.from(rows, (r) => (r.approx ? 1 : 0)),
    theme: Uint8Array.from(rows, (r) => r.theme ?? NO_CODE), status: Uint8Array.from(rows, (r) => r.status ?? NO_CODE), county: Uint8Array.from(rows, (r) => r.county ?? NO_CODE),
    rowsRead: n, rejected: [], flags: [], approxCount: rows.filter((r) => r.approx).length, emptyRows: 0, notes: [],
  };
}

const sample = data([
  { name: '沙市高铁站', lon: 112.25, lat: 30.31, theme: 0, status: 3, county: 1 },
  { name: 'Harbour 𝒳 park', lon: 112.1, lat: 30.2, theme: 1, status: 2, county: 0 },
  { name: '无主题的点', lon: 112.3, lat: 30.4 },
  { name: '=HYPERLINK("http://x")', lon: 112.4, lat: 30.5, theme: 0, county: 7, approx: true, extra: '<img src=x onerror=alert(1)>' },
]);

describe('text columns', () => {
  it('decodes cells and finds UTF-16 starts across multi-byte and astral characters', () => {
    expect(cellText(sample.cells[0], 1)).toBe('Harbour 𝒳 park');
    const { text, starts } = columnString(sample.cells[0], sample.count);
    for (let i = 0; i < sample.count; i++) expect(text.slice(starts[i], starts[i + 1])).toBe(cellText(sample.cells[0], i));
  });
});

describe('imported filter', () => {
  it('shows everything by default and counts facets', () => {
    const s = summariseImported(sample, DEFAULT_FILTERS, null);
    expect([...s.allRows()]).toEqual([0, 1, 2, 3]);
    expect(s.counts.themes[0]).toBe(2);
    expect(s.counts.counties[7]).toBe(1);
  });
  it('drops rows without a theme once the theme filter is narrowed', () => {
    const f = { ...DEFAULT_FILTERS, themes: DEFAULT_FILTERS.themes.filter((k) => k !== 'industry') };
    const s = summariseImported(sample, f, null);
    expect([...s.allRows()]).toEqual([0, 3]);
    // Counts follow the other facets: industry still counts its one row.
    expect(s.counts.themes[1]).toBe(1);
  });
  it('counts from the facet table match a row-by-row count, for random data and filters', () => {
    // Row by row, as the rule reads: unknown codes pass a facet only while it is not narrowed; a
    // row failing one facet counts towards that facet's values only.
    const reference = (d: ImportedData, f: typeof DEFAULT_FILTERS, hits: Uint8Array | null) => {
      const ok = (code: number, keys: readonly string[], allowed: readonly string[]) => (code === NO_CODE ? allowed.length === keys.length : allowed.includes(keys[code]));
      const counts = { themes: new Array(THEME_KEYS.length).fill(0), statuses: new Array(STATUS_KEYS.length).fill(0), counties: new Array(COUNTIES.length).fill(0) };
      const rows: number[] = [];
      for (let i = 0; i < d.count; i++) {
        if (hits && !hits[i]) continue;
        const a = ok(d.theme[i], THEME_KEYS, f.themes), b = ok(d.status[i], STATUS_KEYS, f.statuses), c = ok(d.county[i], COUNTIES, f.counties);
        if (b && c && d.theme[i] !== NO_CODE) counts.themes[d.theme[i]]++;
        if (a && c && d.status[i] !== NO_CODE) counts.statuses[d.status[i]]++;
        if (a && b && d.county[i] !== NO_CODE) counts.counties[d.county[i]]++;
        if (a && b && c) rows.push(i);
      }
      return { counts, rows };
    };
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const code = (n: number) => (rnd(5) === 0 ? undefined : rnd(n));
    const d = data(Array.from({ length: 3000 }, (_, i) => ({ name: i % 7 ? `点${i}` : `泵站${i}`, lon: 112, lat: 30, theme: code(THEME_KEYS.length), status: code(STATUS_KEYS.length), county: code(COUNTIES.length) })));
    const some = <T,>(keys: readonly T[]) => keys.filter(() => rnd(3) > 0);
    for (let trial = 0; trial < 40; trial++) {
      const f = { ...DEFAULT_FILTERS, themes: trial % 4 ? some(THEME_KEYS) : [...THEME_KEYS], statuses: trial % 3 ? some(STATUS_KEYS) : [...STATUS_KEYS], counties: trial % 5 ? some(COUNTIES) : [...COUNTIES] };
      const hits = trial % 2 ? searchRows(d, '泵站') : null;
      const s = summariseImported(d, f, hits);
      const ref = reference(d, f, hits);
      expect([...s.counts.themes]).toEqual(ref.counts.themes);
      expect([...s.counts.statuses]).toEqual(ref.counts.statuses);
      expect([...s.counts.counties]).toEqual(ref.counts.counties);
      expect(s.shown).toBe(ref.rows.length);
      // Rows asked for one by one (as the list does) and all at once agree with the reference.
      if (ref.rows.length > 5) expect([s.row(0), s.row(5)]).toEqual([ref.rows[0], ref.rows[5]]);
      expect([...s.allRows()]).toEqual(ref.rows);
    }
  });
  it('searches name cells case-insensitively, never across cell boundaries', () => {
    expect([...searchRows(sample, 'harbour')!].flatMap((v, i) => (v ? [i] : []))).toEqual([1]);
    expect([...searchRows(sample, '高铁')!].flatMap((v, i) => (v ? [i] : []))).toEqual([0]);
    // "站" ends row 0 and "Har" starts row 1: no row holds "站Har".
    expect([...searchRows(sample, '站har')!].some(Boolean)).toBe(false);
    expect(searchRows(sample, '  ')).toBeNull();
  });
  it('GPU categories are theme, status, kind and county codes, unknown codes in GPU_NONE, rows a search misses in GPU_NEVER', () => {
    const c = gpuCategories(sample, null);
    expect([...c.slice(0, 4)]).toEqual([0, 3, 0, 1]);
    expect([...c.slice(4, 8)]).toEqual([1, 2, 0, 0]);
    expect([...c.slice(8, 12)]).toEqual([GPU_NONE, GPU_NONE, 0, GPU_NONE]);
    const searched = gpuCategories(sample, searchRows(sample, 'harbour'));
    expect([searched[3], searched[7], searched[11]]).toEqual([GPU_NEVER, 0, GPU_NEVER]);
  });
  it('GPU filter lists allow unknown codes only while a facet is not narrowed, and never GPU_NEVER', () => {
    // A row passes the GPU filter when each of its four codes is in that channel's list.
    const passes = (f: typeof DEFAULT_FILTERS, q = '') => {
      const cats = gpuCategories(sample, searchRows(sample, q));
      const allowed = gpuFilterCategories(f, [0]);
      return Array.from({ length: sample.count }, (_, row) => row).filter((row) => allowed.every((list, ch) => list.includes(cats[row * 4 + ch])));
    };
    expect(passes(DEFAULT_FILTERS)).toEqual([0, 1, 2, 3]);
    // Narrowed to 沙市区 (code 1): row 0 only; row 2 has no county and no longer passes.
    expect(passes({ ...DEFAULT_FILTERS, counties: ['沙市区'] })).toEqual([0]);
    expect(passes({ ...DEFAULT_FILTERS, counties: [] })).toEqual([]);
    // Unticking a theme drops its rows and the rows with no theme.
    expect(passes({ ...DEFAULT_FILTERS, themes: DEFAULT_FILTERS.themes.filter((t) => t !== THEME_KEYS[1]) })).toEqual([0, 3]);
    expect(passes(DEFAULT_FILTERS, 'harbour')).toEqual([1]);
    // The same rows as the CPU's summary, whatever the filters.
    for (const f of [DEFAULT_FILTERS, { ...DEFAULT_FILTERS, counties: [COUNTIES[0]] }, { ...DEFAULT_FILTERS, statuses: [STATUS_KEYS[3]] }]) {
      const s = summariseImported(sample, f, null);
      expect(passes(f)).toEqual([...s.allRows()]);
    }
  });
});

describe('feature ids', () => {
  it('round-trips dataset and index; report ids are not imported ids', () => {
    expect(parseFeatureId(importedFeatureId('imp-abc', 42))).toEqual({ datasetId: 'imp-abc', index: 42 });
    expect(parseFeatureId('jz-station')).toBeNull();
    expect(parseFeatureId('x#-1')).toBeNull();
  });
});

describe('colours', () => {
  it('keeps import colours far from the eight theme colours and hands out unused ones first', () => {
    expect(minDistanceToThemes()).toBeGreaterThan(60);
    expect(nextColour([])).toEqual(IMPORT_COLOURS[0]);
    expect(nextColour([IMPORT_COLOURS[0]])).toEqual(IMPORT_COLOURS[1]);
  });
});

function memoryKv(fail?: (key: string) => unknown): KeyValue & { map: Map<string, unknown> } {
  const map = new Map<string, unknown>();
  return {
    map,
    get: async <T,>(k: string) => map.get(k) as T | undefined,
    set: async (k, v) => {
      const err = fail?.(k);
      if (err) throw err;
      map.set(k, structuredClone(v));
    },
    del: async (k) => void map.delete(k),
  };
}

const dataset = (id: string): ImportDataset => ({ id, name: `layer ${id}`, kind: 'import', colour: [106, 61, 154], visible: true, mapping: sample.mapping, data: sample, createdAt: 1, stored: 'saved' });

describe('persistence', () => {
  it('stores data and settings, restores them with typed arrays intact, removes both', async () => {
    const kv = memoryKv();
    const store = createDatasetStore(kv);
    await store.add(dataset('a'));
    await store.add(dataset('b'));
    const renamed = { ...dataset('a'), name: 'renamed', visible: false };
    await store.update([renamed, dataset('b')]);
    const { datasets } = await store.loadAll();
    expect(datasets.map((d) => [d.id, d.name, d.visible])).toEqual([['a', 'renamed', false], ['b', 'layer b', true]]);
    expect(datasets[0].data.positions).toBeInstanceOf(Float64Array);
    expect(cellText(datasets[0].data.cells[0], 0)).toBe('沙市高铁站');
    await store.remove('a', [renamed, dataset('b')]);
    expect((await store.loadAll()).datasets.map((d) => d.id)).toEqual(['b']);
    expect([...kv.map.keys()].some((k) => k.includes(':a'))).toBe(false);
  });
  it('a full disk rejects with a quota StorageError and leaves nothing half-written', async () => {
    const kv = memoryKv((k) => (k.startsWith('jzmap:data:') ? Object.assign(new Error('full'), { name: 'QuotaExceededError' }) : null));
    const store = createDatasetStore(kv);
    await expect(store.add(dataset('a'))).rejects.toMatchObject({ name: 'StorageError', reason: 'quota' });
    expect(kv.map.size).toBe(0);
  });
  it('blocked storage is "unavailable"', async () => {
    const kv = memoryKv(() => Object.assign(new Error('blocked'), { name: 'InvalidStateError' }));
    await expect(createDatasetStore(kv).add(dataset('a'))).rejects.toBeInstanceOf(StorageError);
    await expect(createDatasetStore(kv).add(dataset('a'))).rejects.toMatchObject({ reason: 'unavailable' });
  });
});

describe('export of imported rows', () => {
  const rows = { dataset: dataset('a'), rows: Uint32Array.from([0, 3]), n: 2 };
  it('CSV neutralises formulas (= + - @) and keeps every original column, __proto__ included', () => {
    const csv = toCsv([], () => [0, 0], [rows]);
    const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    const head = parsed[0];
    const last = parsed[2];
    expect(last[head.indexOf('name')]).toBe(`'=HYPERLINK("http://x")`);
    expect(last[head.indexOf('__proto__')]).toBe('<img src=x onerror=alert(1)>');
    expect(last[head.indexOf('line')]).toBe('5');
    expect(last[head.indexOf('approximate')]).toBe('yes');
    const t = tableToCsv(['line', 'reason', 'row'], [[3, '-bad', '@SUM(A1)'], [4, '+1', 'ok']]);
    const p2 = Papa.parse<string[]>(t.replace(/^\uFEFF/, '')).data;
    expect(p2[1]).toEqual(['3', "'-bad", "'@SUM(A1)"]);
    expect(p2[2][1]).toBe("'+1");
  });
  it('GeoJSON keeps a "__proto__" column as a property, polluting nothing', () => {
    const fc = JSON.parse(toGeoJson([], [rows]));
    expect(Object.keys(fc.features[1].properties)).toContain('__proto__');
    expect(fc.features[1].properties.__proto__).toBe('<img src=x onerror=alert(1)>');
    expect(({} as Record<string, unknown>).name).toBeUndefined();
    expect(fc.features[0].geometry.coordinates).toEqual([112.25, 30.31]);
  });
});
