import { describe, expect, it } from 'vitest';
import type { Project } from '../../src/data/projects';
import { applyFilters, DEFAULT_FILTERS, isDefault, summarise } from '../../src/state/filters';

const p = (id: string, theme: Project['theme'], status: Project['status'], county: Project['county'], kind: Project['kind'], quote = ''): Project => ({
  id, name: id, name_en: id.toUpperCase(), theme, status, status_verb: '', quote, county, precision_m: 100, location_source: 's', note: '', kind,
  geometry: { type: 'Point', coordinates: [112, 30] },
});
const all = [
  p('a', 'urban', 'start', ['荆州区'], 'area', '高标准规划建设关沮新\n城'),
  p('b', 'ecology', 'ongoing', ['洪湖市', '监利市'], 'area'),
  p('c', 'ecology', 'planning', ['洪湖市'], 'line'),
  p('d', 'regional', 'in_service', ['沙市区'], 'point', '高标准投用荆州沙市机场'),
];

describe('filters', () => {
  it('shows everything by default', () => {
    expect(applyFilters(all, DEFAULT_FILTERS)).toHaveLength(4);
    expect(isDefault(DEFAULT_FILTERS)).toBe(true);
  });

  it('removes exactly the unticked theme', () => {
    const f = { ...DEFAULT_FILTERS, themes: DEFAULT_FILTERS.themes.filter((t) => t !== 'ecology') };
    expect(applyFilters(all, f).map((x) => x.id)).toEqual(['a', 'd']);
  });

  it('counts each facet under the other filters but not its own', () => {
    const f = { ...DEFAULT_FILTERS, themes: ['ecology' as const], counties: ['洪湖市' as const] };
    const { themes, counties } = summarise(all, f).counts;
    // The theme counts ignore the theme filter but honour the county filter.
    expect(themes.get('ecology')).toBe(2);
    expect(themes.get('urban') ?? 0).toBe(0);
    expect(counties.get('洪湖市')).toBe(2);
    expect(counties.get('监利市')).toBe(1);
    expect(counties.get('荆州区') ?? 0).toBe(0);
  });

  it('searches names, English names and quotes, across line breaks', () => {
    expect(applyFilters(all, { ...DEFAULT_FILTERS, q: '关沮新城' }).map((x) => x.id)).toEqual(['a']);
    expect(applyFilters(all, { ...DEFAULT_FILTERS, q: '机场' }).map((x) => x.id)).toEqual(['d']);
    expect(applyFilters(all, { ...DEFAULT_FILTERS, q: 'c' }).map((x) => x.id)).toEqual(['c']);
  });

  it('matches a project spanning counties when any of them is ticked', () => {
    expect(applyFilters(all, { ...DEFAULT_FILTERS, counties: ['监利市'] }).map((x) => x.id)).toEqual(['b']);
  });
});
