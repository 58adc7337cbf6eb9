#!/usr/bin/env node
/**
 * Merges a file of location corrections (downloaded from the app: 修正位置 → 下载全部修正) into
 * data/sources/locations/*.json, so that `node scripts/build-projects.mjs` rebuilds
 * data/projects.geojson with them.
 *
 *   node scripts/apply-corrections.mjs corrections.geojson
 *
 * Each correction is a GeoJSON Feature: its geometry is the new location (WGS-84); its properties
 * carry id, old_geometry, precision_m, location_source, note, date. A correction is refused, with
 * the reason, when it fails the checks the data tests run (scripts/lib/project-checks.mjs): an
 * unknown id, a location outside Jingzhou, an implausible size for the kind of thing, a route that
 * no longer passes its corridor towns, a geometry of the wrong kind or invalid, no source. It is
 * also refused when the project's location changed since the correction was drawn (old_geometry
 * differs). Nothing is written unless every correction in the file passes (exit 1 otherwise).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { featureProblems, loadContext } from './lib/project-checks.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.join(root, 'data');
const locDir = path.join(dataDir, 'sources', 'locations');
const readJson = (p) => JSON.parse(fs.readFileSync(p, 'utf8'));
const round = (c) => (typeof c[0] === 'number' ? [Math.round(c[0] * 1e6) / 1e6, Math.round(c[1] * 1e6) / 1e6] : c.map(round));
const sameGeometry = (a, b) => !!a && !!b && a.type === b.type && JSON.stringify(round(a.coordinates)) === JSON.stringify(round(b.coordinates));
const GEOMETRY_TYPES = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'];

function fail(lines) {
  console.error(lines.join('\n'));
  process.exit(1);
}

const file = process.argv[2];
if (!file) fail(['usage: node scripts/apply-corrections.mjs FILE (a corrections GeoJSON downloaded from the app)']);
let input;
try {
  input = readJson(file);
} catch (e) {
  fail([`${file}: cannot be read as JSON (${e.message})`]);
}
if (input?.type !== 'FeatureCollection' || !Array.isArray(input.features) || input.features.length === 0) {
  fail([`${file}: not a GeoJSON FeatureCollection of corrections`]);
}

const projects = readJson(path.join(dataDir, 'projects.geojson')).features;
const files = fs.readdirSync(locDir).filter((f) => f.endsWith('.json')).sort().map((f) => ({ file: f, records: readJson(path.join(locDir, f)) }));
const ctx = loadContext(dataDir);

const refused = [];
const accepted = [];
const seen = new Set();
for (const [i, c] of input.features.entries()) {
  const p = c?.properties ?? {};
  const id = typeof p.id === 'string' ? p.id : '';
  const label = `correction ${i + 1} (${id || 'no id'})`;
  if (!id) {
    refused.push(`${label}: no id`);
    continue;
  }
  if (seen.has(id)) {
    refused.push(`${label}: the file corrects ${id} twice`);
    continue;
  }
  seen.add(id);
  const current = projects.find((f) => f.properties.id === id);
  const home = files.find((f) => f.records.some((r) => r.id === id));
  if (!current || !home) {
    refused.push(`${label}: unknown id — no project in data/projects.geojson has it`);
    continue;
  }
  if (!c.geometry || !GEOMETRY_TYPES.includes(c.geometry.type) || !Array.isArray(c.geometry.coordinates)) {
    refused.push(`${label}: ${current.properties.name}: the new geometry is missing or not a point, line or area`);
    continue;
  }
  if (!sameGeometry(p.old_geometry, current.geometry)) {
    refused.push(`${label}: ${current.properties.name}: its location changed since the correction was drawn (old_geometry differs from data/projects.geojson); draw it again on the current data`);
    continue;
  }
  const geometry = { type: c.geometry.type, coordinates: round(c.geometry.coordinates) };
  const candidate = { type: 'Feature', geometry, properties: { ...current.properties, precision_m: p.precision_m, location_source: typeof p.location_source === 'string' ? p.location_source.trim() : p.location_source } };
  const problems = featureProblems(candidate, ctx);
  if (problems.length) refused.push(...problems.map((s) => `${label}: ${s}`));
  else accepted.push({ id, c: p, geometry, home });
}

if (refused.length) fail([`Refused — nothing was written:`, ...refused.map((s) => `  - ${s}`)]);

for (const { id, c, geometry, home } of accepted) {
  const rec = home.records.find((r) => r.id === id);
  const day = typeof c.date === 'string' && /^\d{4}-\d\d-\d\d/.test(c.date) ? c.date.slice(0, 10) : new Date().toISOString().slice(0, 10);
  const previous = { precision_m: rec.precision_m, location_source: rec.location_source, ...(rec.note ? { note: rec.note } : {}) };
  delete rec.follow_yangtze;
  delete rec.same_geometry_as;
  rec.geometry = geometry;
  rec.precision_m = c.precision_m;
  rec.location_source = c.location_source.trim();
  // The app stores and exports WGS-84 whatever the base map showed (it converts at the display edge).
  rec.source_crs = 'WGS-84';
  const note = typeof c.note === 'string' ? c.note.trim() : '';
  rec.note = `位置修正 Location corrected ${day}${note ? `: ${note}` : '.'}`;
  rec.corrections = [...(rec.corrections ?? []), { date: day, previous }];
  const followers = files.flatMap((f) => f.records).filter((r) => r.same_geometry_as === id).map((r) => r.name);
  console.log(`${id} (${rec.name}) → data/sources/locations/${home.file}${followers.length ? `; also moves ${followers.join(', ')} (same_geometry_as)` : ''}`);
}
for (const f of new Set(accepted.map((a) => a.home))) fs.writeFileSync(path.join(locDir, f.file), JSON.stringify(f.records, null, 1) + '\n');
console.log(`Applied ${accepted.length} correction${accepted.length === 1 ? '' : 's'}. Next: node scripts/build-projects.mjs && npm test, then review git diff and commit.`);
