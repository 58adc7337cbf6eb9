import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import { parseLinks, parseProjects, toProject } from '../../src/data/projects';
import { COUNTIES, STATUS_KEYS, THEME_KEYS } from '../../src/data/themes';
import { compact, occurrences, REPORT_COMPACT, themeAt } from './report';

const dataDir = path.resolve(import.meta.dirname, '../../data');
const fc = JSON.parse(fs.readFileSync(path.join(dataDir, 'projects.geojson'), 'utf8')) as GeoJSON.FeatureCollection;
const linksFc = JSON.parse(fs.readFileSync(path.join(dataDir, 'links.geojson'), 'utf8')) as GeoJSON.FeatureCollection;
const base = JSON.parse(fs.readFileSync(path.join(dataDir, 'base', 'counties.geojson'), 'utf8')) as GeoJSON.FeatureCollection<GeoJSON.Polygon | GeoJSON.MultiPolygon>;
const counties = base.features.filter((f) => f.properties!.kind === 'county');
const jingzhou = base.features.find((f) => f.properties!.kind === 'prefecture')!;
const props = (f: GeoJSON.Feature) => f.properties as Record<string, unknown> & { id: string; name: string; quote: string; theme: string; county: string[] };

/**
 * The 61 placed items of the report (shared/design/report-items.md), each with its geometry kind:
 * P point, L line, A area; "PA" where either fits. 盐卡泵站及引水渠 is one item drawn as two features.
 */
const ITEMS: [string, string][] = [
  ['关沮新城', 'A'], ['城北片区', 'A'], ['城东片区', 'A'], ['荆州古城保护与疏散', 'A'], ['荆州古城5A创建', 'PA'],
  ['市民之家', 'P'], ['市委党校', 'P'], ['市档案馆改扩建', 'P'], ['复兴大道荆州高新区段', 'L'], ['长湖大道', 'L'],
  // 津乡大道西延 and 石首五湖连江: their course and lakes are not public (see their notes); each is
  // drawn as a point with a large precision_m until it is found. So are two zones whose extent is not
  // public (沙市经济开发区, 湖北自贸区荆州协同区): a point at the best-supported site.
  ['津乡大道西延', 'LP'], ['盐卡泵站', 'P'], ['纪南文旅区', 'A'], ['“复兴之路”爱国主义教育基地', 'P'], ['荆楚文化大观园', 'PA'],
  ['郢城文化园', 'PA'], ['海洋世界三期', 'PA'], ['沙东空港新城', 'A'],
  ['荆州开发区', 'A'], ['沙市经济开发区', 'PA'], ['荆州江陵绿色能源化工产业园', 'A'],
  ['省级油气钻采装备产业技术研究院', 'PA'], ['石油科技城长大科技园', 'PA'], ['油田化学产业技术研究院', 'PA'], ['荆州高新区数字经济产业集聚区', 'A'], ['松滋省级白酒质检中心', 'PA'],
  ['当枝松石高速', 'L'], ['沙公高速南延接湖南安乡高速', 'L'], ['监利至华容高速', 'L'], ['武松高速江陵至松滋段', 'L'], ['武松高速洪湖至仙桃段', 'L'],
  ['二广高速中心城区段改线', 'L'], ['江北高速东延段', 'L'], ['沪渝高速荆州东服务区', 'PA'], ['荆荆高铁', 'L'], ['荆荆高铁过江南延', 'L'],
  ['仙桃至洪湖至监利城际铁路', 'L'], ['荆州沙市机场', 'PA'],
  ['荆州综合保税区', 'PA'], ['湖北自贸区荆州协同区', 'PA'], ['跨境电商产业园', 'PA'],
  ['长江岸线整治修复', 'L'], ['柳林洲长江岸线生态修复工程', 'LA'], ['临江仙公园二期', 'PA'], ['公安县荆江公园', 'PA'], ['长江“十年禁渔”', 'LA'],
  ['洪湖全域水环境综合治理', 'A'], ['石首五湖连江', 'PLA'], ['环长湖湿地整治工程', 'A'], ['四湖流域综合治理', 'A'],
  ['长江荆州段山水林田湖草生态保护与修复', 'LA'], ['四湖流域水质自动监测站', 'PA'], ['荆州开发区园区循环化改造', 'A'],
  ['中心城区13所中小学新建、改扩建', 'PA'], ['荆州理工职业学院整体搬迁', 'PA'], ['全民健身中心', 'PA'], ['荆州中心医院荆北新院二期', 'PA'],
  ['市群众文化艺术中心', 'PA'], ['历史文化展览馆', 'PA'], ['电视塔新塔', 'PA'], ['文化宫改造升级', 'PA'],
];
const KIND = { Point: 'P', MultiPoint: 'P', LineString: 'L', MultiLineString: 'L', Polygon: 'A', MultiPolygon: 'A' } as Record<string, string>;

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
    for (const f of fc.features) {
      expect(toProject(f)).not.toBeTypeOf('string');
      if (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon') {
        const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
        for (const rings of polys) for (const r of rings) {
          expect(r.length).toBeGreaterThanOrEqual(4);
          expect(r[0]).toEqual(r[r.length - 1]);
        }
        expect(turf.kinks(f as GeoJSON.Feature<GeoJSON.Polygon>).features, `${props(f).name} self-intersects`).toHaveLength(0);
      }
    }
  });

  it('lies inside Jingzhou, except regional routes that run on to their far ends', () => {
    const region = turf.buffer(jingzhou, 2, { units: 'kilometers' })!;
    const outside = fc.features.filter((f) => {
      const inside = f.geometry.type === 'Point' ? turf.booleanPointInPolygon(f.geometry.coordinates, region) : turf.booleanIntersects(f, region);
      return !inside;
    }).map((f) => props(f).name);
    expect(outside).toEqual([]);
    // Only regional routes may leave Jingzhou, and not by far (a nearby neighbour's town).
    for (const f of fc.features) {
      const [w, s, e, n] = turf.bbox(f);
      const far = w < 111.0 || e > 114.3 || s < 29.0 || n > 31.2;
      if (far) expect(props(f).theme, props(f).name).toBe('regional');
    }
  });

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
    const km = (n: string) => turf.length(fc.features.find((f) => props(f).name === n)!, { units: 'kilometers' });
    const km2 = (n: string) => turf.area(fc.features.find((f) => props(f).name === n)!) / 1e6;
    // Expressway and railway sections are tens of kilometres; city roads a few.
    for (const n of ['当枝松石高速', '武松高速江陵至松滋段', '武松高速洪湖至仙桃段', '荆荆高铁', '仙桃至洪湖至监利城际铁路', '监利至华容高速']) {
      expect(km(n), n).toBeGreaterThan(15);
      expect(km(n), n).toBeLessThan(250);
    }
    for (const n of ['复兴大道荆州高新区段', '长湖大道']) {
      expect(km(n), n).toBeGreaterThan(0.8);
      expect(km(n), n).toBeLessThan(40);
    }
    // The Yangtze items follow the river through Jingzhou (~480 km of it).
    expect(km('长江岸线整治修复')).toBeGreaterThan(250);
    // Areas: a new town is a few to tens of km²; 洪湖 hundreds; no building is a district.
    expect(km2('关沮新城')).toBeGreaterThan(2);
    expect(km2('关沮新城')).toBeLessThan(200);
    expect(km2('洪湖全域水环境综合治理')).toBeGreaterThan(250);
    for (const f of fc.features.filter((x) => x.geometry.type.endsWith('Polygon'))) {
      const a = turf.area(f) / 1e6;
      expect(a, props(f).name).toBeGreaterThan(0.01);
      expect(a, props(f).name).toBeLessThan(12000);
    }
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
