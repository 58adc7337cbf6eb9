import { describe, expect, it } from 'vitest';
import { initialState } from '../../src/state/app-state';
import { DEFAULT_FILTERS } from '../../src/state/filters';
import { readUrl, writeUrl } from '../../src/state/url-state';

const ids = new Set(['jingzhou-shashi-airport', 'guanju-new-town']);

describe('URL state', () => {
  it('round-trips filters, search, selection, tab, language and view', () => {
    const s = {
      ...initialState('en' as const),
      filters: { ...DEFAULT_FILTERS, themes: ['ecology' as const, 'urban' as const], counties: ['洪湖市' as const], q: '机场' },
      selectedId: 'jingzhou-shashi-airport', tab: 'stats' as const,
      view: { center: [112.25, 30.3] as [number, number], zoom: 10.5, bearing: 12.5, pitch: 30 },
    };
    const back = readUrl(writeUrl(s), ids);
    expect(back.filters).toEqual(s.filters);
    expect(back.selectedId).toBe(s.selectedId);
    expect(back.tab).toBe('stats');
    expect(back.lang).toBe('en');
    expect(back.view).toEqual(s.view);
  });

  it('writes nothing for default filters', () => {
    expect(writeUrl(initialState('zh'))).toBe('?lang=zh');
  });

  it.each([
    ['junk values', '?theme=foo,bar&status=%00&county=Paris&kind=cube&tab=admin&lang=fr'],
    ['script tags', '?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E&sel=%3Cscript%3E&theme=%3Cimg%20src%3Dx%3E'],
    ['huge numbers', '?lon=1e308&lat=-1e308&z=99999999999999999999&b=NaN&p=Infinity'],
    ['unknown ids', '?sel=not-a-project&sel2=x'],
  ])('ignores %s and falls back to the default', (_name, search) => {
    const s = readUrl(search, ids);
    expect(s.filters).toEqual(DEFAULT_FILTERS);
    expect(s.selectedId).toBeNull();
    expect(s.view).toBeNull();
    expect(s.tab).toBe('projects');
    expect(s.lang).toBeNull();
  });

  it('keeps the valid values of a partly bad list and drops the rest', () => {
    expect(readUrl('?theme=ecology,evil,urban', ids).filters.themes).toEqual(['ecology', 'urban']);
  });

  it('caps a long search text', () => {
    expect(readUrl(`?q=${'荆'.repeat(500)}`, ids).filters.q.length).toBe(80);
  });

  it('reads an empty list as "none ticked"', () => {
    expect(readUrl('?theme=', ids).filters.themes).toEqual([]);
  });
});
