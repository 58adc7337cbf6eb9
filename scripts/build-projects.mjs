#!/usr/bin/env node
/**
 * Builds data/projects.geojson and data/links.geojson from committed sources:
 *  - data/sources/report-items.json   the report's items: name, theme, verbatim quote, verb, status
 *  - data/sources/locations/*.json    researched locations (geometry, precision, source, note)
 *  - data/sources/yangtze-centreline.geojson   for items that follow the river ("follow_yangtze")
 *  - data/sources/links.json          the regional cooperation links
 *  - data/base/counties.geojson       to compute `county` from the geometry
 *
 *   node scripts/build-projects.mjs
 *
 * Fails (exit 1) when an item of the report has no location, or a location names no item.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = (...p) => path.join(root, 'data', 'sources', ...p);
const readJson = (p) => JSON.parse(fs.readFileSync(p, 'utf8'));

/** Names compared without white space, quotation marks or brackets. */
const key = (s) => s.replace(/[\s“”"「」()（）]/g, '');
const round = (c) => (typeof c[0] === 'number' ? [Math.round(c[0] * 1e6) / 1e6, Math.round(c[1] * 1e6) / 1e6] : c.map(round));

const items = readJson(src('report-items.json'));
const locations = fs.readdirSync(src('locations')).filter((f) => f.endsWith('.json')).sort()
  .flatMap((f) => readJson(src('locations', f)).map((l) => ({ ...l, file: f })));
const counties = readJson(path.join(root, 'data', 'base', 'counties.geojson')).features.filter((f) => f.properties.kind === 'county');
const countiesGrown = counties.map((c) => ({ ...turf.buffer(c, 0.5, { units: 'kilometers' }), properties: c.properties }));
const yangtzeFile = src('yangtze-centreline.geojson');
const yangtze = fs.existsSync(yangtzeFile) ? readJson(yangtzeFile).features.find((f) => f.geometry.type === 'LineString') : null;

const ALIASES = new Map(Object.entries({
  荆州古城保护与疏散: ['古城保护与疏散', '荆州古城保护与疏散'],
  荆州古城5A创建: ['古城5A创建', '荆州古城5A创建'],
  长江十年禁渔: ['长江十年禁渔荆州段', '长江十年禁渔'],
  长江岸线整治修复: ['长江岸线整治修复荆州段'],
  荆州综合保税区: ['荆州综保区'],
}));

function findLocation(item) {
  const names = [key(item.name), ...(ALIASES.get(key(item.name)) ?? []).map(key)];
  return locations.find((l) => names.includes(key(l.name)));
}

function geometryOf(loc) {
  if (loc.same_geometry_as) {
    const other = locations.find((l) => l.id === loc.same_geometry_as);
    if (!other) throw new Error(`${loc.name}: same_geometry_as names no location ${loc.same_geometry_as}`);
    return structuredClone(geometryOf(other));
  }
  if (loc.geometry) return loc.geometry;
  if (loc.follow_yangtze) {
    if (!yangtze) throw new Error(`${loc.name}: follows the Yangtze but data/sources/yangtze-centreline.geojson is missing`);
    return turf.lineSlice(turf.point(loc.follow_yangtze.from), turf.point(loc.follow_yangtze.to), yangtze).geometry;
  }
  throw new Error(`${loc.name}: no geometry`);
}

/**
 * Points that stand for the geometry: the point itself; every 200 m along a line; a grid over an
 * area (about 900 cells of its bounding box, kept where inside it).
 */
function samples(geometry) {
  const f = turf.feature(geometry);
  if (geometry.type === 'Point') return [geometry.coordinates];
  if (geometry.type === 'MultiPoint') return geometry.coordinates;
  if (geometry.type.endsWith('LineString')) {
    const lines = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
    return lines.flatMap((c) => {
      const l = turf.lineString(c);
      const len = turf.length(l);
      const n = Math.max(20, Math.min(3000, Math.ceil(len / 0.2)));
      return Array.from({ length: n + 1 }, (_, i) => turf.along(l, (len * i) / n).geometry.coordinates);
    });
  }
  const [w, s, e, n] = turf.bbox(f);
  const out = [];
  for (let i = 0.5; i < 30; i++) for (let j = 0.5; j < 30; j++) {
    const p = [w + ((e - w) * i) / 30, s + ((n - s) * j) / 30];
    if (turf.booleanPointInPolygon(p, f)) out.push(p);
  }
  return out.length ? out : [turf.pointOnFeature(f).geometry.coordinates];
}

/**
 * County-level units the geometry lies in: those holding at least 2 % of its sample points
 * (a point: the one it is in). Merely touching a boundary does not count.
 */
function countiesOf(geometry) {
  const pts = samples(geometry);
  const min = geometry.type === 'Point' ? 1 : Math.max(1, Math.ceil(pts.length * 0.02));
  // A line along a boundary river (the Yangtze between 沙市 and 公安) belongs to both banks:
  // lines are tested against counties grown by 500 m, their positional precision.
  const areas = geometry.type.endsWith('LineString') ? countiesGrown : counties;
  return areas.filter((c) => pts.filter((p) => turf.booleanPointInPolygon(p, c)).length >= min).map((c) => c.properties.name);
}

const features = [];
const problems = [];
for (const item of items) {
  const loc = findLocation(item);
  if (!loc) {
    problems.push(`no location for ${item.name}`);
    continue;
  }
  loc.used = true;
  const geometry = geometryOf(loc);
  geometry.coordinates = round(geometry.coordinates);
  const county = countiesOf(geometry);
  if (!county.length) problems.push(`${item.name}: its geometry lies in no county of 荆州市`);
  const claimed = [...(loc.county ?? [])].sort().join(',');
  if (claimed && claimed !== [...county].sort().join(',')) console.warn(`note: ${item.name}: research said ${claimed}; geometry lies in ${county.join(',')}`);
  features.push({
    type: 'Feature',
    geometry,
    properties: {
      id: loc.id, name: item.name, name_en: loc.name_en, theme: item.theme, status: item.status, status_verb: item.status_verb,
      quote: item.quote, county, precision_m: loc.precision_m, location_source: loc.location_source,
      source_crs: loc.source_crs ?? 'unknown', ...(loc.note ? { note: loc.note } : {}),
    },
  });
}
for (const l of locations.filter((x) => !x.used)) problems.push(`location names no item of the report: ${l.name} (${l.file})`);
if (problems.length) {
  console.error(problems.join('\n'));
  process.exitCode = 1;
}
fs.writeFileSync(path.join(root, 'data', 'projects.geojson'), JSON.stringify({ type: 'FeatureCollection', features }, null, 0).replace(/\{"type":"Feature"/g, '\n{"type":"Feature"') + '\n');
console.log(`data/projects.geojson: ${features.length} features`);

// data/README.md states how precise the locations are; a correction can change that, so the
// table is rewritten from the data (tests/unit/projects.test.ts checks it).
const readmeFile = path.join(root, 'data', 'README.md');
if (fs.existsSync(readmeFile)) {
  const prec = features.map((f) => Number(f.properties.precision_m));
  const rows = { '500 m': prec.filter((p) => p <= 500).length, '2 km': prec.filter((p) => p <= 2000).length, '5 km': prec.filter((p) => p <= 5000).length, 'more than 5 km': prec.filter((p) => p > 5000).length };
  let readme = fs.readFileSync(readmeFile, 'utf8').replace(/By each feature's own `precision_m` \(\d+ features\)/, `By each feature's own \`precision_m\` (${features.length} features)`);
  for (const [label, n] of Object.entries(rows)) readme = readme.replace(new RegExp(`^\\| ${label} \\| \\d+ \\|$`, 'm'), `| ${label} | ${n} |`);
  fs.writeFileSync(readmeFile, readme);
}

const linksFile = src('links.json');
if (fs.existsSync(linksFile)) {
  const COOP = {
    'yueyang-changde': '重点加强与湖南岳阳、常德在产业、交通、水利、基础设施建设等方面的合作',
    'yi-jing-jing-en': '推动“宜荆荆恩”城市群规划衔接',
  };
  const EN = { 荆州: 'Jingzhou', 岳阳: 'Yueyang', 常德: 'Changde', 宜昌: 'Yichang', 荆门: 'Jingmen', 恩施: 'Enshi' };
  const links = readJson(linksFile).map((l) => ({
    type: 'Feature',
    geometry: { type: 'LineString', coordinates: round([l.from, l.to]) },
    properties: {
      id: l.id, name: `${l.from_name}—${l.to_name}`, name_en: `${EN[l.from_name] ?? l.from_name}–${EN[l.to_name] ?? l.to_name}`, group: l.group, theme: 'regional',
      quote: COOP[l.group], location_source: l.location_source,
    },
  }));
  fs.writeFileSync(path.join(root, 'data', 'links.geojson'), JSON.stringify({ type: 'FeatureCollection', features: links }) + '\n');
  console.log(`data/links.geojson: ${links.length} links`);
}
