#!/usr/bin/env node
/**
 * Builds tests/fixtures/basemaps/streets.pmtiles from streets.geojson beside it: a tiny vector
 * base map in the Protomaps basemap schema (layers earth, landuse, water, roads, places) for the
 * browser tests of the self-hosted PMTiles base map.
 *
 * Tiles are cut with @maplibre/geojson-vt and encoded as Mapbox Vector Tiles with @maplibre/vt-pbf
 * (both installed with maplibre-gl). The `pmtiles` package only reads archives, so the archive is
 * written here, following the PMTiles v3 specification: a 127-byte header, one root directory,
 * the JSON metadata, then the tile data, all uncompressed (small enough not to matter).
 *
 *   node scripts/build-pmtiles-fixture.mjs
 */
import fs from 'node:fs';
import path from 'node:path';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { zxyToTileId } from 'pmtiles';

const dir = path.resolve(import.meta.dirname, '..', 'tests', 'fixtures', 'basemaps');
const input = JSON.parse(fs.readFileSync(path.join(dir, 'streets.geojson'), 'utf8'));
const MINZOOM = 8;
const MAXZOOM = 15;
const LAYERS = ['earth', 'landuse', 'water', 'roads', 'places'];

// One tile index per source layer, as a vector tile holds several named layers.
const indexes = Object.fromEntries(LAYERS.map((name) => {
  const features = input.features
    .filter((f) => f.properties.layer === name)
    .map((f) => ({ ...f, properties: Object.fromEntries(Object.entries(f.properties).filter(([k]) => k !== 'layer')) }));
  return [name, new GeoJSONVT({ type: 'FeatureCollection', features }, { maxZoom: MAXZOOM, indexMaxZoom: MAXZOOM, indexMaxPoints: 0, tolerance: 1, buffer: 64 })];
}));

// The tiles that cover the features' box at each zoom.
const all = input.features.flatMap((f) => JSON.stringify(f.geometry.coordinates).match(/-?\d+\.?\d*,-?\d+\.?\d*/g).map((p) => p.split(',').map(Number)));
const [w, s, e, n] = [Math.min(...all.map((p) => p[0])), Math.min(...all.map((p) => p[1])), Math.max(...all.map((p) => p[0])), Math.max(...all.map((p) => p[1]))];
const tx = (lon, z) => Math.floor(((lon + 180) / 360) * 2 ** z);
const ty = (lat, z) => Math.floor(((1 - Math.log(Math.tan((lat * Math.PI) / 180) + 1 / Math.cos((lat * Math.PI) / 180)) / Math.PI) / 2) * 2 ** z);

const tiles = [];
for (let z = MINZOOM; z <= MAXZOOM; z++) {
  for (let x = tx(w, z); x <= tx(e, z); x++) {
    for (let y = ty(n, z); y <= ty(s, z); y++) {
      const layers = {};
      for (const name of LAYERS) {
        const t = indexes[name].getTile(z, x, y);
        if (t && t.features.length) layers[name] = t;
      }
      if (Object.keys(layers).length === 0) continue;
      tiles.push({ id: zxyToTileId(z, x, y), data: Buffer.from(fromGeojsonVt(layers, { version: 2, extent: 4096 })) });
    }
  }
}
tiles.sort((a, b) => a.id - b.id);

function varints(values) {
  const out = [];
  for (let v of values) {
    // Values here stay below 2^53: plain arithmetic, not 32-bit shifts.
    while (v >= 0x80) {
      out.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    out.push(v);
  }
  return Buffer.from(out);
}

// Directory: count, tile-id deltas, run lengths, lengths, offsets (0 = right after the previous).
let offset = 0;
const entries = tiles.map((t) => {
  const entry = { id: t.id, offset, length: t.data.length };
  offset += t.data.length;
  return entry;
});
const directory = varints([
  entries.length,
  ...entries.map((en, i) => en.id - (i ? entries[i - 1].id : 0)),
  ...entries.map(() => 1),
  ...entries.map((en) => en.length),
  ...entries.map((en, i) => (i > 0 && en.offset === entries[i - 1].offset + entries[i - 1].length ? 0 : en.offset + 1)),
]);
const metadata = Buffer.from(JSON.stringify({
  name: 'jzmap test streets',
  description: 'Synthetic streets for tests only (not real roads).',
  attribution: 'test fixture',
  vector_layers: LAYERS.map((id) => ({ id, fields: {} })),
}));
const tileData = Buffer.concat(tiles.map((t) => t.data));

const header = Buffer.alloc(127);
header.write('PMTiles', 0, 'ascii');
header.writeUInt8(3, 7);
const u64 = (pos, v) => header.writeBigUInt64LE(BigInt(v), pos);
const rootOffset = 127;
u64(8, rootOffset);
u64(16, directory.length);
u64(24, rootOffset + directory.length);
u64(32, metadata.length);
u64(40, 0); // no leaf directories
u64(48, 0);
u64(56, rootOffset + directory.length + metadata.length);
u64(64, tileData.length);
u64(72, tiles.length); // addressed tiles
u64(80, entries.length); // tile entries
u64(88, tiles.length); // tile contents
header.writeUInt8(1, 96); // clustered: tiles are in tile-id order
header.writeUInt8(1, 97); // internal compression: none
header.writeUInt8(1, 98); // tile compression: none
header.writeUInt8(1, 99); // tile type: MVT
header.writeUInt8(MINZOOM, 100);
header.writeUInt8(MAXZOOM, 101);
const e7 = (v) => Math.round(v * 1e7);
header.writeInt32LE(e7(w), 102);
header.writeInt32LE(e7(s), 106);
header.writeInt32LE(e7(e), 110);
header.writeInt32LE(e7(n), 114);
header.writeUInt8(13, 118);
header.writeInt32LE(e7((w + e) / 2), 119);
header.writeInt32LE(e7((s + n) / 2), 123);

const out = path.join(dir, 'streets.pmtiles');
fs.writeFileSync(out, Buffer.concat([header, directory, metadata, tileData]));
console.log(`${path.relative(process.cwd(), out)}: ${tiles.length} tiles, z${MINZOOM}–${MAXZOOM}, ${fs.statSync(out).size} bytes`);
