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
  if (loc.geometry) return loc.geometry;
  if (loc.follow_yangtze) {
    if (!yangtze) throw new Error(`${loc.name}: follows the Yangtze but data/sources/yangtze-centreline.geojson is missing`);
    return turf.lineSlice(turf.point(loc.follow_yangtze.from), turf.point(loc.follow_yangtze.to), yangtze).geometry;
  }
  throw new Error(`${loc.name}: no geometry`);
}

/** County-level units the geometry lies in or crosses, in the order of the list. */
function countiesOf(geometry) {
  const f = turf.feature(geometry);
  return counties.filter((c) => (geometry.type === 'Point' ? turf.booleanPointInPolygon(f, c) : turf.booleanIntersects(f, c))).map((c) => c.properties.name);
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

const linksFile = src('links.json');
if (fs.existsSync(linksFile)) {
  const COOP = {
    'yueyang-changde': '重点加强与湖南岳阳、常德在产业、交通、水利、基础设施建设等方面的合作',
    'yi-jing-jing-en': '推动“宜荆荆恩”城市群规划衔接',
  };
  const links = readJson(linksFile).map((l) => ({
    type: 'Feature',
    geometry: { type: 'LineString', coordinates: round([l.from, l.to]) },
    properties: {
      id: l.id, name: `${l.from_name}—${l.to_name}`, name_en: l.name_en ?? '', group: l.group, theme: 'regional',
      quote: COOP[l.group], location_source: l.location_source,
    },
  }));
  fs.writeFileSync(path.join(root, 'data', 'links.geojson'), JSON.stringify({ type: 'FeatureCollection', features: links }) + '\n');
  console.log(`data/links.geojson: ${links.length} links`);
}
