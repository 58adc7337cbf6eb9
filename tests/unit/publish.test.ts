import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Link, Project } from '../../src/data/projects';
import { DEFAULT_FILTERS } from '../../src/state/filters';
import { appUrl, isEmbed } from '../../src/publish/embed';
import { embedCode } from '../../src/publish/embed-dialog';
import { fileName } from '../../src/publish/file-name';
import { datasetsOf, filtersInWords, legendModel } from '../../src/publish/legend-model';
import { pageSpec } from '../../src/publish/paper';
import { metresPerCssPixel, scaleBar, scaleRatio } from '../../src/publish/scale-bar';
import { viewBounds } from '../../src/publish/export-image';

const root = path.resolve(import.meta.dirname, '../..');
const fc = JSON.parse(fs.readFileSync(path.join(root, 'data/projects.geojson'), 'utf8')) as GeoJSON.FeatureCollection;
const projects = fc.features.map((f) => ({ ...(f.properties as object), geometry: f.geometry, kind: f.geometry.type.includes('Point') ? 'point' : f.geometry.type.includes('Line') ? 'line' : 'area' })) as unknown as Project[];
const links = (JSON.parse(fs.readFileSync(path.join(root, 'data/links.geojson'), 'utf8')) as GeoJSON.FeatureCollection).features.map((f) => ({ ...(f.properties as object), geometry: f.geometry })) as unknown as Link[];
const JINGZHOU: [number, number, number, number] = [111.2, 29.4, 114.1, 30.9];

describe('page sizes', () => {
  it('A4 and A3 at 300 dpi, both ways, and the 4K slide', () => {
    expect(pageSpec('print', 'a4', 'landscape')).toMatchObject({ widthPx: 3508, heightPx: 2480, widthMm: 297, heightMm: 210, dpi: 300 });
    expect(pageSpec('print', 'a4', 'portrait')).toMatchObject({ widthPx: 2480, heightPx: 3508 });
    expect(pageSpec('print', 'a3', 'landscape')).toMatchObject({ widthPx: 4961, heightPx: 3508 });
    expect(pageSpec('print', 'a3', 'portrait')).toMatchObject({ widthPx: 3508, heightPx: 4961 });
    expect(pageSpec('slide', 'a3', 'portrait')).toMatchObject({ widthPx: 3840, heightPx: 2160 });
  });
});

describe('scale bar for the exported map', () => {
  it('measures ground metres per pixel at the latitude and zoom of the export', () => {
    // At the equator, zoom 0: one 512-px tile spans the equator.
    expect(metresPerCssPixel(0, 0)).toBeCloseTo(40_075_016.686 / 512, 3);
    // Jingzhou (30.3° N) at zoom 10: cos(30.3°) of that, over 1024.
    expect(metresPerCssPixel(30.3, 10)).toBeCloseTo((40_075_016.686 * Math.cos((30.3 * Math.PI) / 180)) / 512 / 1024, 6);
  });
  it('picks the longest 1–2–5 length that fits', () => {
    expect(scaleBar(100, 900)).toEqual({ metres: 50_000, px: 500, label: '50 km' });
    expect(scaleBar(100, 1900)).toMatchObject({ metres: 100_000, label: '100 km' });
    expect(scaleBar(1, 300)).toMatchObject({ metres: 200, px: 200, label: '200 m' });
    for (const mpp of [0.7, 3, 17, 123, 999]) {
      const b = scaleBar(mpp, 700);
      expect(b.px).toBeLessThanOrEqual(700);
      expect(b.px).toBeGreaterThan(700 / 5);
    }
  });
  it('states the representative fraction at the print resolution', () => {
    // 300 dpi: one pixel is 0.0847 mm of paper; 100 m per pixel is 1 : 1 181 102 → 1 : 1 200 000.
    expect(scaleRatio(100, 300)).toBe(1_200_000);
  });
});

describe('legend of what the export shows', () => {
  it('lists the themes and status marks present in the view and allowed by the filters', () => {
    const all = legendModel(projects, links, DEFAULT_FILTERS, null, JINGZHOU, {});
    const themesShipped = new Set(projects.map((p) => p.theme));
    expect(all.themes.map((t) => t.key).sort()).toEqual([...themesShipped].sort());
    expect(all.marks.link).toBe(true);
    expect(all.marks.precision).toBe(false);
    const eco = legendModel(projects, links, { ...DEFAULT_FILTERS, themes: ['ecology'] }, null, JINGZHOU, {});
    expect(eco.themes.map((t) => t.key)).toEqual(['ecology']);
    // A view far from Jingzhou shows no project.
    const away = legendModel(projects, links, DEFAULT_FILTERS, null, [100, 20, 101, 21], {});
    expect(away.themes).toEqual([]);
    expect(Object.values(away.marks).some(Boolean)).toBe(false);
  });
  it('shows a chosen point\'s precision ring', () => {
    const point = projects.find((p) => p.geometry.type === 'Point')!;
    expect(legendModel(projects, links, DEFAULT_FILTERS, point.id, JINGZHOU, {}).marks.precision).toBe(true);
  });
  it('reads other visible data sets from the state, keeping only safe colours', () => {
    const state = { datasets: [
      { name: '我的项目.csv', colour: '#1a5f99', visible: true, count: 12 },
      { name: 'hidden', colour: '#000', visible: false },
      { name: 'report', kind: 'report' },
      { name: 'odd', colour: 'red;background:url(x)' },
      { name: 'rgb', color: [10, 20, 30] },
      { nope: 1 },
    ] };
    expect(datasetsOf(state)).toEqual([
      { name: '我的项目.csv', colour: '#1a5f99', count: 12 },
      { name: 'odd', colour: '#666', count: undefined },
      { name: 'rgb', colour: 'rgb(10,20,30)', count: undefined },
    ]);
    expect(datasetsOf({})).toEqual([]);
  });
});

describe('filters in words', () => {
  it('says there is no filter, or names each filtered facet, the count and the choice', () => {
    expect(filtersInWords(projects, DEFAULT_FILTERS, null, 'zh')).toEqual(['全部项目（未筛选）', `显示 ${projects.length} / ${projects.length} 个项目`]);
    const f = { ...DEFAULT_FILTERS, themes: ['ecology', 'urban'] as const, counties: ['洪湖市'] as const, q: '湖' };
    const n = projects.filter((p) => ['ecology', 'urban'].includes(p.theme) && p.county.includes('洪湖市') && (p.name + p.name_en + p.quote).replace(/\s+/g, '').toLowerCase().includes('湖')).length;
    const words = filtersInWords(projects, { ...f, themes: [...f.themes], counties: [...f.counties] }, projects[0].id, 'en');
    expect(words).toEqual(['Theme: Central city, Ecology', 'County: Honghu', 'Search: “湖”', `${n} of ${projects.length} projects shown`, `Chosen: ${projects[0].name_en}`]);
  });
});

describe('embed', () => {
  it('reads ?embed=1 only', () => {
    expect(isEmbed('?embed=1&lang=zh')).toBe(true);
    expect(isEmbed('?embed=0')).toBe(false);
    expect(isEmbed('')).toBe(false);
  });
  it('builds the app address with or without embed mode', () => {
    expect(appUrl('https://x.org/map/index.html?embed=1#a', '?lang=zh&theme=ecology', true)).toBe('https://x.org/map/index.html?lang=zh&theme=ecology&embed=1');
    expect(appUrl('https://x.org/map/?embed=1', '?lang=zh&embed=1', false)).toBe('https://x.org/map/?lang=zh');
  });
  it('gives iframe code with escaped attributes, a title, a size and a sandbox', () => {
    const code = embedCode('https://x.org/?q="><script>&lang=zh', 800, 560, '荆州 "地图"');
    expect(code).toBe('<iframe src="https://x.org/?q=&quot;&gt;&lt;script&gt;&amp;lang=zh" title="荆州 &quot;地图&quot;" width="800" height="560" style="border:0;max-width:100%" loading="lazy" referrerpolicy="no-referrer" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"></iframe>');
  });
});

describe('export file names and view bounds', () => {
  it('names the download from the title and the date, without characters file systems refuse', () => {
    expect(fileName('荆州重点项目地图', '2021-05-01', 'png')).toBe('荆州重点项目地图 2021-05-01.png');
    expect(fileName('a/b:c*?"<>|d', '2021-05-01', 'pdf')).toBe('a b c d 2021-05-01.pdf');
    expect(fileName('  ', '2021-05-01', 'pdf')).toBe('map 2021-05-01.pdf');
  });
  it('bounds a view: north up exactly, rotated with room to spare', () => {
    const [w, s, e, n] = viewBounds([112.2, 30.3], 8, 1024, 512, 0, 0);
    // 1024 CSS px at zoom 8 = 1024 / (512·2⁸) of 360°.
    expect(e - w).toBeCloseTo((1024 / (512 * 256)) * 360, 6);
    expect((s + n) / 2).toBeCloseTo(30.3, 1);
    const rotated = viewBounds([112.2, 30.3], 8, 1024, 512, 30, 0);
    expect(rotated[0]).toBeLessThan(w);
    expect(rotated[3]).toBeGreaterThan(n);
  });
});
