import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import { parseLinks, parseProjects, toProject } from '../../src/data/projects';
import { COUNTIES, STATUS_KEYS, THEME_KEYS } from '../../src/data/themes';
import { compact, occurrences, REPORT_COMPACT, themeAt } from './report';
import { dataDir } from './data-dir';
import { geometryProblems, insideProblems, ITEMS as ALL_ITEMS, KIND, kindProblems, loadContext, recordProblems, SIZES, sizeProblems } from '../../scripts/lib/project-checks.mjs';

const fc = JSON.parse(fs.readFileSync(path.join(dataDir, 'projects.geojson'), 'utf8')) as GeoJSON.FeatureCollection;
const linksFc = JSON.parse(fs.readFileSync(path.join(dataDir, 'links.geojson'), 'utf8')) as GeoJSON.FeatureCollection;
const ctx = loadContext(dataDir);
const counties = ctx.counties;
const props = (f: GeoJSON.Feature) => f.properties as Record<string, unknown> & { id: string; name: string; quote: string; theme: string; county: string[] };
/** The report's 61 placed items (the list, with the geometry kinds that fit, is shared with apply-corrections). */
const ITEMS = ALL_ITEMS.filter(([n]) => n !== '盐卡引水渠');

describe('data/projects.geojson', () => {
  const { projects, rejected } = parseProjects(fc);

  it('passes the schema, with allowed values only', () => {
    expect(rejected).toEqual([]);
    for (const f of fc.features) {
      const p = props(f);
      expect(THEME_KEYS).toContain(p.theme);
      expect(STATUS_KEYS).toContain(p.status);
      expect(typeof p.status_verb === 'string' && p.status_verb.length > 0).toBe(true);
      expect(typeof p.name_en === 'string' && (p.name_en as string).length > 0).toBe(true);
      expect(p.id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
      expect((p.location_source as string).length).toBeGreaterThan(15);
      for (const c of p.county) expect(COUNTIES).toContain(c);
    }
  });

  it('has unique ids', () => {
    const ids = projects.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('holds every placed item of the report, with a fitting geometry', () => {
    expect(ITEMS).toHaveLength(61);
    const byName = new Map(fc.features.map((f) => [compact(props(f).name), f]));
    const missing = ITEMS.filter(([n]) => !byName.has(compact(n))).map(([n]) => n);
    expect(missing).toEqual([]);
    const wrongKind = ITEMS.filter(([n, k]) => !k.includes(KIND[byName.get(compact(n))!.geometry.type])).map(([n]) => n);
    expect(wrongKind).toEqual([]);
    expect(byName.has('盐卡引水渠')).toBe(true);
    expect(fc.features).toHaveLength(62);
  });

  it('quotes the report verbatim (white space aside) and the quote names the item', () => {
    const bad = fc.features.filter((f) => occurrences(props(f).quote).length === 0).map((f) => props(f).name);
    expect(bad).toEqual([]);
    // The item's own words stand in its quote: its name, or the words the report uses for it.
    const WORDS: Record<string, string> = {
      荆州古城保护与疏散: '古城保护与疏散', 荆州古城5A创建: '古城5A创建', 荆州高新区数字经济产业集聚区: '数字经济产业集聚区',
      松滋省级白酒质检中心: '省级白酒质检中心', 武松高速洪湖至仙桃段: '洪湖至仙桃段', 荆荆高铁过江南延: '过江南延',
      荆州综合保税区: '荆州综保区', 盐卡泵站: '盐卡泵站', 盐卡引水渠: '引水渠',
    };
    const unnamed = fc.features.filter((f) => !compact(props(f).quote).includes(compact(WORDS[props(f).name] ?? props(f).name))).map((f) => props(f).name);
    expect(unnamed).toEqual([]);
  });

  it('gives each feature the theme of the section its quote stands in (headings follow their blocks)', () => {
    const wrong = fc.features.filter((f) => themeAt(occurrences(props(f).quote)[0]) !== props(f).theme).map((f) => `${props(f).name}: ${props(f).theme}`);
    expect(wrong).toEqual([]);
    // The trap: 关沮新城 stands before its heading "聚焦宜居宜业宜游……" and belongs to it.
    expect(themeAt(REPORT_COMPACT.indexOf('关沮新城'))).toBe('urban');
    expect(themeAt(REPORT_COMPACT.indexOf('荆州沙市机场'))).toBe('regional');
  });

  it('has valid geometries in WGS-84 range: closed rings, no self-intersections', () => {
    for (const f of fc.features) expect(toProject(f)).not.toBeTypeOf('string');
    expect(fc.features.flatMap((f) => geometryProblems(f as never))).toEqual([]);
    // The check can tell: an open ring and a bow-tie are named.
    const ring = [[112.2, 30.3], [112.3, 30.3], [112.3, 30.4], [112.2, 30.4]];
    expect(geometryProblems({ type: 'Feature', properties: { name: 'x' }, geometry: { type: 'Polygon', coordinates: [ring] } })).toHaveLength(1);
    const bowTie = [[112.2, 30.3], [112.3, 30.4], [112.3, 30.3], [112.2, 30.4], [112.2, 30.3]];
    expect(geometryProblems({ type: 'Feature', properties: { name: 'x' }, geometry: { type: 'Polygon', coordinates: [bowTie] } })).toEqual(['x: the area crosses itself']);
  });

  it('lies inside Jingzhou, except regional routes that run on to their far ends', () => {
    expect(fc.features.flatMap((f) => insideProblems(f as never, ctx))).toEqual([]);
    // 武汉 is outside; a far point of a non-regional item is refused.
    expect(insideProblems({ type: 'Feature', properties: { name: 'x', theme: 'urban' }, geometry: { type: 'Point', coordinates: [114.3, 30.58] } }, ctx)).toEqual(['x: lies outside Jingzhou']);
  }, 60_000); // buffering the outline by 2 km takes seconds on a loaded machine

  it('names the counties its geometry lies in (turf point-in-polygon against the embedded boundaries)', () => {
    // Reference: a point's county holds it; a line or area's counties hold a real share of it
    // (≥ 2 % of points every 100 m, or of a grid over the area), not a touch of a boundary.
    // Lines run along boundary rivers: a line point within 500 m of a county counts for it.
    const grown = new Map(counties.map((c) => [c, turf.buffer(c, 0.5, { units: 'kilometers' })!]));
    const share = (f: GeoJSON.Feature, c: GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon>): number => {
      const g = f.geometry;
      let pts: number[][] = [];
      if (g.type === 'Point') pts = [g.coordinates];
      else if (g.type === 'MultiPoint') pts = g.coordinates;
      else if (g.type === 'LineString' || g.type === 'MultiLineString') {
        const ls = g.type === 'LineString' ? [g.coordinates] : g.coordinates;
        for (const coords of ls) {
          const l = turf.lineString(coords);
          const len = turf.length(l);
          for (let d = 0; d <= len; d += Math.max(0.1, len / 1500)) pts.push(turf.along(l, d).geometry.coordinates);
        }
      } else {
        const [w, s, e, n] = turf.bbox(f);
        for (let i = 0; i < 47; i++) for (let j = 0; j < 47; j++) {
          const p = [w + ((e - w) * (i + 0.3)) / 47, s + ((n - s) * (j + 0.6)) / 47];
          if (turf.booleanPointInPolygon(p, f as GeoJSON.Feature<GeoJSON.Polygon>)) pts.push(p);
        }
      }
      const area = g.type.endsWith('LineString') ? grown.get(c)! : c;
      return pts.filter((p) => turf.booleanPointInPolygon(p, area)).length / Math.max(1, pts.length);
    };
    const wrong: string[] = [];
    for (const f of fc.features) {
      const listed = new Set(props(f).county);
      expect(listed.size, props(f).name).toBeGreaterThan(0);
      for (const c of counties) {
        const sh = share(f, c);
        const name = c.properties!.name as string;
        // Clear cases only: well inside (> 4 %) must be listed; absent (0) must not.
        if (sh > 0.04 && !listed.has(name)) wrong.push(`${props(f).name}: lies in ${name} (${(sh * 100).toFixed(0)} %) but does not say so`);
        if (sh === 0 && listed.has(name)) wrong.push(`${props(f).name}: says ${name} but lies outside it`);
      }
    }
    expect(wrong).toEqual([]);
  }, 60_000);

  it('has plausible sizes for each kind of thing', () => {
    // Every named rule applies to a feature that exists (a renamed item would skip its rule).
    const names = new Set(fc.features.map((f) => props(f).name));
    expect(Object.keys(SIZES).filter((n) => !names.has(n))).toEqual([]);
    expect(fc.features.flatMap((f) => sizeProblems(f as never))).toEqual([]);
  });

  it('fits each item with a geometry of its kind and an honest record', () => {
    expect(fc.features.flatMap((f) => [...kindProblems(f as never), ...recordProblems(props(f))])).toEqual([]);
  });

  it('records an honest precision: larger for planned routes than for built sites', () => {
    const prec = (n: string) => Number(props(fc.features.find((f) => props(f).name === n)!).precision_m);
    expect(prec('荆州沙市机场')).toBeLessThanOrEqual(1000);
    expect(prec('监利至华容高速')).toBeGreaterThanOrEqual(1000);
  });
});

describe('data/links.geojson', () => {
  const links = parseLinks(linksFc);
  it('links 荆州 to 岳阳, 常德, 宜昌, 荆门 and 恩施 with the quote', () => {
    expect(links).toHaveLength(5);
    const ends = links.map((l) => l.name);
    for (const city of ['岳阳', '常德', '宜昌', '荆门', '恩施']) expect(ends.some((e) => e.includes(city)), city).toBe(true);
    for (const l of links) expect(occurrences(l.quote).length, l.name).toBeGreaterThan(0);
    // Each starts in 荆州's centre (within 10 km of the 荆州古城/沙市).
    for (const l of links) expect(turf.distance(l.geometry.coordinates[0], [112.24, 30.33])).toBeLessThan(10);
  });
});

describe('data/README.md', () => {
  it('states the precision counts the data has (kept true as locations improve)', () => {
    const readme = fs.readFileSync(path.join(dataDir, 'README.md'), 'utf8');
    const row = (label: string) => Number(new RegExp(`^\\| ${label} \\| (\\d+) \\|$`, 'm').exec(readme)?.[1]);
    const prec = fc.features.map((f) => Number(props(f).precision_m));
    expect(readme).toContain(`By each feature's own \`precision_m\` (${fc.features.length} features)`);
    expect(row('500 m')).toBe(prec.filter((p) => p <= 500).length);
    expect(row('2 km')).toBe(prec.filter((p) => p <= 2000).length);
    expect(row('5 km')).toBe(prec.filter((p) => p <= 5000).length);
    expect(row('more than 5 km')).toBe(prec.filter((p) => p > 5000).length);
  });
});
