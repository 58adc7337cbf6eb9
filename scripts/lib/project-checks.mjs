/**
 * The checks a project location must pass, shared by the data tests (tests/unit/projects.test.ts,
 * tests/unit/corridors.test.ts) and by scripts/apply-corrections.mjs, so a correction is refused
 * for exactly the reasons the tests would fail. Plain JavaScript so node scripts can import it;
 * types in project-checks.d.mts.
 *
 * Every check returns a list of problems (empty when the feature passes), each a sentence a
 * maintainer can act on.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as turf from '@turf/turf';

/**
 * The 61 placed items of the report (shared/design/report-items.md), each with its geometry kind:
 * P point, L line, A area; "PA" where either fits. 盐卡泵站及引水渠 is one item drawn as two features.
 */
export const ITEMS = [
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
  // The 引水渠 of 盐卡泵站: the second feature of that item.
  ['盐卡引水渠', 'L'],
];

/** Geometry type → the letter used in ITEMS. */
export const KIND = { Point: 'P', MultiPoint: 'P', LineString: 'L', MultiLineString: 'L', Polygon: 'A', MultiPolygon: 'A' };

/** Names compared without white space (the report breaks lines inside words). */
const compact = (s) => String(s).replace(/\s+/g, '');

/** The feature's geometry is of a kind that fits its item (a school is not a line). */
export function kindProblems(f) {
  const name = f.properties.name;
  const item = ITEMS.find(([n]) => compact(n) === compact(name));
  if (!item) return [`${name}: not an item of the report`];
  const k = KIND[f.geometry.type];
  return item[1].includes(k) ? [] : [`${name}: a ${f.geometry.type} does not fit this item (allowed: ${item[1].split('').map((c) => ({ P: 'point', L: 'line', A: 'area' })[c]).join(', ')})`];
}

/** Coordinates in WGS-84 range, lines with two distinct points, closed rings, no self-intersection. */
export function geometryProblems(f) {
  const name = f.properties.name;
  const g = f.geometry;
  const out = [];
  const flat = (c) => (typeof c[0] === 'number' ? [c] : c.flatMap(flat));
  const coords = flat(g.coordinates ?? []);
  if (!coords.length) return [`${name}: the geometry has no coordinates`];
  if (coords.some((c) => c.length < 2 || !Number.isFinite(c[0]) || !Number.isFinite(c[1]) || Math.abs(c[0]) > 180 || Math.abs(c[1]) > 90)) {
    out.push(`${name}: a coordinate is not a WGS-84 longitude/latitude`);
    return out;
  }
  if (g.type === 'LineString' || g.type === 'MultiLineString') {
    const lines = g.type === 'LineString' ? [g.coordinates] : g.coordinates;
    if (lines.some((l) => l.length < 2 || turf.length(turf.lineString(l.length < 2 ? [l[0], l[0]] : l)) === 0)) out.push(`${name}: a line needs two distinct points`);
  }
  if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const rings of polys) for (const r of rings) {
      const first = r[0];
      const last = r[r.length - 1];
      if (r.length < 4 || first[0] !== last[0] || first[1] !== last[1]) out.push(`${name}: a ring is not closed or has fewer than 4 positions`);
    }
    if (!out.length && turf.kinks(f).features.length) out.push(`${name}: the area crosses itself`);
  }
  return out;
}

/** The check's reference data, read from a data folder (data/ or a copy of it). */
export function loadContext(dataDir) {
  const read = (p) => JSON.parse(fs.readFileSync(path.join(dataDir, p), 'utf8'));
  const base = read('base/counties.geojson');
  return {
    jingzhou: base.features.find((f) => f.properties.kind === 'prefecture'),
    counties: base.features.filter((f) => f.properties.kind === 'county'),
    towns: read('base/places.geojson').features.filter((f) => f.properties.kind === 'town'),
    yangtze: read('sources/yangtze-centreline.geojson').features.find((f) => f.geometry.type === 'LineString'),
  };
}

const grown = new WeakMap();
/** 荆州市 grown by 2 km, computed once per context (buffering the outline takes a while). */
function grownJingzhou(ctx) {
  if (!grown.has(ctx)) grown.set(ctx, turf.buffer(ctx.jingzhou, 2, { units: 'kilometers' }));
  return grown.get(ctx);
}

/**
 * Inside 荆州市 (grown by 2 km, the outline being illustrative): a point inside it, a line or area
 * touching it. Only regional routes may run on to a nearby neighbour's town.
 */
export function insideProblems(f, ctx) {
  const name = f.properties.name;
  const region = grownJingzhou(ctx);
  const inside = f.geometry.type === 'Point' ? turf.booleanPointInPolygon(f.geometry.coordinates, region) : turf.booleanIntersects(f, region);
  if (!inside) return [`${name}: lies outside Jingzhou`];
  const [w, s, e, n] = turf.bbox(f);
  if ((w < 111.0 || e > 114.3 || s < 29.0 || n > 31.2) && f.properties.theme !== 'regional') return [`${name}: reaches far outside Jingzhou (only regional routes may)`];
  return [];
}

/**
 * Plausible sizes for each kind of thing, in km (lines) or km² (areas). Expressway and railway
 * sections are tens of kilometres; city roads a few; the Yangtze items follow the river through
 * Jingzhou (~480 km of it); a new town is a few to tens of km², 洪湖 hundreds.
 */
export const SIZES = {
  当枝松石高速: { km: [15, 250] }, 武松高速江陵至松滋段: { km: [15, 250] }, 武松高速洪湖至仙桃段: { km: [15, 250] },
  荆荆高铁: { km: [15, 250] }, 仙桃至洪湖至监利城际铁路: { km: [15, 250] }, 监利至华容高速: { km: [15, 250] },
  复兴大道荆州高新区段: { km: [0.8, 40] }, 长湖大道: { km: [0.8, 40] },
  长江岸线整治修复: { km: [250, 2000] },
  关沮新城: { km2: [2, 200] },
  洪湖全域水环境综合治理: { km2: [250, 12000] },
};
/** No area of the report is smaller than a city block or larger than the prefecture. */
export const AREA_KM2 = [0.01, 12000];

/** The drawn size fits the kind of thing (SIZES, AREA_KM2). */
export function sizeProblems(f) {
  const name = f.properties.name;
  const g = f.geometry;
  const out = [];
  const rule = SIZES[name] ?? {};
  const isLine = g.type === 'LineString' || g.type === 'MultiLineString';
  const isArea = g.type === 'Polygon' || g.type === 'MultiPolygon';
  if (isLine && rule.km) {
    const km = turf.length(f, { units: 'kilometers' });
    if (km < rule.km[0] || km > rule.km[1]) out.push(`${name}: ${km.toFixed(1)} km is an implausible length for it (expected ${rule.km[0]}–${rule.km[1]} km)`);
  }
  if (isArea) {
    const km2 = turf.area(f) / 1e6;
    const [lo, hi] = rule.km2 ?? AREA_KM2;
    if (km2 < Math.max(lo, AREA_KM2[0]) || km2 > Math.min(hi, AREA_KM2[1])) out.push(`${name}: ${km2.toFixed(2)} km² is an implausible area for it (expected ${Math.max(lo, AREA_KM2[0])}–${Math.min(hi, AREA_KM2[1])} km²)`);
  }
  return out;
}

/**
 * Routes follow their published corridor, not a straight line between their ends: their
 * published length, the towns the sources say they pass ("经…", in order; a group is a pair it
 * passes between), and how often they cross the Yangtze (the bridge the sources name). Town
 * positions come from the embedded gazetteer (GeoNames), independent of the lines' own vertices.
 */
export const CORRIDORS = {
  // 当阳经枝江至松滋高速公路全长76公里 … 经两河镇、半月镇、问安镇 … 百里洲长江大桥 … 老城镇东侧 … 王家桥镇
  'dang-zhi-song-shi-expressway': { km: 76, via: ['两河', '半月', '问安', '百里洲', '老城', '王家桥'], yangtze: 1 },
  // 江陵经观音寺长江大桥过江 … 起于公安县毛家港镇青羊岗村，止于松滋市南海镇
  'wusong-expressway-jiangling-songzi': { via: ['毛家港', '南海'], yangtze: 1 },
  // 仙桃至洪湖段全长47.975公里，起于仙桃西流河镇，止于洪湖市万全镇
  'wusong-expressway-honghu-xiantao': { km: 47.975, via: ['西流河', '杨林尾', '万全'], yangtze: 0 },
  // 全长约50.9km … 纪南 … 李埠镇北侧设李埠互通，经李埠镇东侧跨长江 … 经弥市镇西侧
  'g55-erguang-jingzhou-realignment': { km: 50.9, via: ['纪南', '李埠', '弥市'], yangtze: 1 },
  // 全长近62公里，起于洪湖市乌林镇水府村 … 收费站由东向西为汊河、万全、瞿家湾 … 分盐枢纽
  'jiangbei-expressway-east-extension': { km: 62, via: ['乌林', '汊河', '万全', '瞿家湾', '分盐'], yangtze: 0 },
  // 荆荆铁路全长77.479公里 … 经团林铺镇、五里铺镇 … 十里铺(沙洋西)站 … 纪山墓群
  'jingmen-jingzhou-hsr': { km: 77.479, via: ['团林铺', '五里铺', '十里铺', '纪山'], yangtze: 0 },
  // 新建线路全长约180.3km … 李埠镇 … 公铁两用大桥过江，在毛家港镇附近设荆州南站
  'jingjing-hsr-south-extension': { km: 180.3, via: ['李埠', '毛家港'], yangtze: 1 },
  // 线路全长79.156公里 … 经仙桃市彭场和杨林尾镇 … 经万全、峰口、瞿家湾镇 … 穿过福田寺、分盐至毛市镇
  'xiantao-honghu-jianli-railway': { km: 79.156, via: ['彭场', '杨林尾', '万全', '峰口', '瞿家湾', ['福田寺', '分盐'], '毛市'], yangtze: 0 },
  // 沙公高速 ends at 孟家溪; 安慈高速 starts at the 安乡 junction: both south of the river.
  'shagong-expressway-south-extension': { via: ['孟家溪', '安乡'], yangtze: 0 },
  // 监利至华容公铁两用大桥 (鄢铺 ferry, west of 监利城)
  'jianli-huarong-expressway': { via: [], yangtze: 1 },
  // 西延线 … 全长2764米
  'fuxing-avenue-high-tech-zone-section': { km: 2.764, via: [], yangtze: 0 },
  // 长湖大道全长4520米
  'changhu-avenue': { km: 4.52, via: [], yangtze: 0 },
};

/**
 * A town "on" a route: within this of the line. Sources say a route passes a township (经…镇), not
 * its seat, and seats in the plain lie 8–12 km apart, so a route through the township passes within
 * about half that of the seat.
 */
export const VIA_KM = 5;
/** Drawn length against the published one: vertices every few km shorten curves a little. */
export const LENGTH_TOLERANCE = 0.12;

/** The gazetteer town of that name in the region (十里铺 is also a place near 武汉). */
export function town(ctx, name) {
  const p = ctx.towns.find((f) => f.properties.name === name && f.geometry.coordinates[0] < 114);
  if (!p) throw new Error(`${name}: not in data/base/places.geojson`);
  return p;
}

/** A route with a published corridor (CORRIDORS) still follows it. */
export function corridorProblems(f, ctx) {
  const id = f.properties.id;
  const c = CORRIDORS[id];
  if (!c) return [];
  const name = f.properties.name;
  if (f.geometry.type !== 'LineString') return [`${name}: a route with a published corridor must stay one line`];
  const out = [];
  if (c.km) {
    const km = turf.length(f);
    if (Math.abs(km - c.km) / c.km >= LENGTH_TOLERANCE) out.push(`${name}: drawn ${km.toFixed(1)} km, published ${c.km} km`);
  }
  const far = c.via.flat().map((n) => [n, turf.pointToLineDistance(town(ctx, n), f)]).filter(([, d]) => d > VIA_KM);
  if (far.length) out.push(`${name}: no longer passes its corridor towns: ${far.map(([n, d]) => `${n} ${d.toFixed(1)} km off`).join(', ')}`);
  const along = (n) => turf.nearestPointOnLine(f, town(ctx, n)).properties.location;
  const at = c.via.map((v) => (Array.isArray(v) ? v.reduce((s, n) => s + along(n), 0) / v.length : along(v)));
  const rising = at.every((v, i) => i === 0 || v >= at[i - 1]);
  const falling = at.every((v, i) => i === 0 || v <= at[i - 1]);
  if (!rising && !falling) out.push(`${name}: passes its corridor towns out of the published order`);
  const crossings = turf.lineIntersect(f, ctx.yangtze).features.length;
  if (crossings !== c.yangtze) out.push(`${name}: crosses the Yangtze ${crossings} times, its sources say ${c.yangtze}`);
  return out;
}

/** The location's record: an honest precision and a source a person can check. */
export function recordProblems(props) {
  const out = [];
  const name = props.name ?? props.id;
  if (!(typeof props.precision_m === 'number' && Number.isFinite(props.precision_m) && props.precision_m > 0)) out.push(`${name}: precision_m must be a positive number of metres`);
  if (!(typeof props.location_source === 'string' && props.location_source.trim().length > 15)) out.push(`${name}: location_source must say where the location comes from (a page, a map, a survey: at least 16 characters)`);
  return out;
}

/** Every check a single feature must pass, in the order a maintainer would fix them. */
export function featureProblems(f, ctx) {
  const basic = [...recordProblems(f.properties), ...kindProblems(f), ...geometryProblems(f)];
  if (basic.length) return basic;
  return [...insideProblems(f, ctx), ...sizeProblems(f), ...corridorProblems(f, ctx)];
}
