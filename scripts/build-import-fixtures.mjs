#!/usr/bin/env node
/**
 * Builds the small import fixtures in tests/fixtures/ (see tests/fixtures/README.md): CSVs in
 * UTF-8, GBK (with iconv) and GCJ-02 (converted with gcoord from known WGS-84 points), GeoJSON,
 * KML, GPX, zipped Shapefiles written byte by byte (.shp/.shx/.dbf/.prj/.cpg, stored zip),
 * and an XLSX written with exceljs. Deterministic: running it again gives the same bytes
 * (except the XLSX, whose zip carries exceljs's timestamps).
 *   node scripts/build-import-fixtures.mjs
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import gcoord from 'gcoord';
import proj4 from 'proj4';
import ExcelJS from 'exceljs';

const OUT = path.resolve(import.meta.dirname, '..', 'tests', 'fixtures');
fs.mkdirSync(OUT, { recursive: true });
const write = (name, data) => {
  fs.writeFileSync(path.join(OUT, name), data);
  console.log('wrote', name, typeof data === 'string' ? Buffer.byteLength(data) : data.length, 'bytes');
};

/** Five projects of data/projects.geojson (WGS-84 points) — the truth every fixture refers to. */
const POINTS = [
  { name: '市民之家', lon: 112.262, lat: 30.348, theme: '中心城市', status: '续建', county: '沙市区' },
  { name: '荆楚文化大观园', lon: 112.195, lat: 30.42, theme: '中心城市', status: '续建', county: '荆州区' },
  { name: '盐卡泵站', lon: 112.2855, lat: 30.2665, theme: '中心城市', status: '建成', county: '沙市区' },
  { name: '松滋省级白酒质检中心', lon: 111.75102, lat: 30.17711, theme: '科技创新', status: '持续推进', county: '松滋市' },
  { name: '沙市经济开发区', lon: 112.33471, lat: 30.3597, theme: '产业集群', status: '持续推进', county: '沙市区' },
];

// --- CSV -------------------------------------------------------------------------------------
const utf8Csv = ['名称,经度,纬度,主题,状态,区县', ...POINTS.map((p) => [p.name, p.lon, p.lat, p.theme, p.status, p.county].join(','))].join('\r\n') + '\r\n';
write('import-utf8.csv', utf8Csv);
write('import-gbk.csv', execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: utf8Csv }));

const gcj = POINTS.map((p) => {
  const [x, y] = gcoord.transform([p.lon, p.lat], gcoord.WGS84, gcoord.GCJ02);
  return { ...p, gx: x.toFixed(6), gy: y.toFixed(6) };
});
write('import-gcj02.csv', ['name,lng,lat,county', ...gcj.map((p) => [p.name, p.gx, p.gy, p.county].join(','))].join('\n') + '\n');

write(
  'import-semicolon.csv',
  ['名称;经度;纬度', ...POINTS.map((p) => [p.name, String(p.lon).replace('.', ','), String(p.lat).replace('.', ',')].join(';'))].join('\n') + '\n',
);

// Bad rows at known lines (header = line 1); line 4–5 is one row with a quoted newline.
write(
  'import-bad-rows.csv',
  [
    '名称,经度,纬度,地址', // 1
    '好行,112.262,30.348,', // 2
    '无坐标,,,', // 3 rejected: nothing to place it by
    '"多行', // 4 (row starts here)
    '名称",112.25,30.325,', // 5
    '坏坐标,abc,30.1,', // 6 rejected: coordinates not understood
    '超范围,200,95,', // 7 rejected: out of range either way
    '镇名,,,湖北省荆州市公安县斗湖堤镇', // 8 placed at the town 斗湖堤 (approximate)
    '县名,,,监利市', // 9 placed at 监利市 (approximate)
    '颠倒,30.35,112.26,', // 10 swapped: flagged, placed swapped
    '远处,116.39,39.9,', // 11 Beijing: flagged outside, kept
    '', // 12 blank: skipped
    '末行,112.3,30.3,', // 13
  ].join('\n') + '\n',
);

write(
  'import-hostile.csv',
  [
    '名称,经度,纬度,__proto__,constructor',
    '"<img src=x onerror=alert(1)>",112.262,30.348,"{""polluted"":true}",x',
    '"=HYPERLINK(""http://evil.example"",""点我"")",112.195,30.42,+1+1,@SUM(1)',
    '<script>alert(2)</script>,112.2855,30.2665,-2+3,toString',
  ].join('\n') + '\n',
);

// --- GeoJSON / KML / GPX ---------------------------------------------------------------------
const geojson = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { name: POINTS[0].name, theme: 'urban', status: 'ongoing', __proto__x: 1 }, geometry: { type: 'Point', coordinates: [POINTS[0].lon, POINTS[0].lat] } },
    {
      type: 'Feature',
      properties: { name: '示例道路', theme: '区域协调', status: '新开工' },
      geometry: { type: 'LineString', coordinates: [[112.2, 30.33], [112.25, 30.325], [112.3, 30.33]] },
    },
    {
      type: 'Feature',
      properties: { name: '示例片区', theme: '生态文明', status: '谋划' },
      geometry: { type: 'Polygon', coordinates: [[[112.18, 30.4], [112.22, 30.4], [112.22, 30.44], [112.18, 30.44], [112.18, 30.4]]] },
    },
    { type: 'Feature', properties: { name: '没有位置' }, geometry: null },
  ],
};
// A literal "__proto__" key (JSON.stringify of an object literal cannot make one).
write('import.geojson', JSON.stringify(geojson, null, 1).replace('"__proto__x"', '"__proto__"') + '\n');

write(
  'import.kml',
  `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2">
<Document>
  <name>荆州示例</name>
  <Placemark><name>${POINTS[0].name}</name><description><![CDATA[<img src=x onerror=alert(1)>]]></description><Point><coordinates>${POINTS[0].lon},${POINTS[0].lat},0</coordinates></Point></Placemark>
  <Placemark><name>示例道路</name><LineString><coordinates>112.2,30.33,0 112.25,30.325,0 112.3,30.33,0</coordinates></LineString></Placemark>
</Document>
</kml>
`,
);

write(
  'import.gpx',
  `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="jingzhou-works-map fixtures" xmlns="http://www.topografix.com/GPX/1/1">
  <wpt lat="${POINTS[1].lat}" lon="${POINTS[1].lon}"><name>${POINTS[1].name}</name></wpt>
  <wpt lat="${POINTS[2].lat}" lon="${POINTS[2].lon}"><name>${POINTS[2].name}</name></wpt>
  <trk><name>江边步道</name><trkseg>
    <trkpt lat="30.30" lon="112.22"></trkpt><trkpt lat="30.31" lon="112.24"></trkpt><trkpt lat="30.32" lon="112.26"></trkpt>
  </trkseg></trk>
</gpx>
`,
);

// --- Shapefile (points), written byte by byte --------------------------------------------------
function shpFiles(points) {
  const n = points.length;
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const header = (words) => {
    const b = Buffer.alloc(100);
    b.writeInt32BE(9994, 0);
    b.writeInt32BE(words, 24);
    b.writeInt32LE(1000, 28);
    b.writeInt32LE(1, 32); // Point
    b.writeDoubleLE(Math.min(...xs), 36);
    b.writeDoubleLE(Math.min(...ys), 44);
    b.writeDoubleLE(Math.max(...xs), 52);
    b.writeDoubleLE(Math.max(...ys), 60);
    return b;
  };
  const recs = points.map((p, i) => {
    const r = Buffer.alloc(28);
    r.writeInt32BE(i + 1, 0);
    r.writeInt32BE(10, 4); // 20 bytes of content
    r.writeInt32LE(1, 8);
    r.writeDoubleLE(p.x, 12);
    r.writeDoubleLE(p.y, 20);
    return r;
  });
  const shp = Buffer.concat([header(50 + 14 * n), ...recs]);
  const shx = Buffer.concat([
    header(50 + 4 * n),
    ...points.map((_, i) => {
      const r = Buffer.alloc(8);
      r.writeInt32BE(50 + 14 * i, 0);
      r.writeInt32BE(10, 4);
      return r;
    }),
  ]);
  return { shp, shx };
}

function dbf(fields, rows) {
  const recLen = 1 + fields.reduce((s, f) => s + f.len, 0);
  const head = Buffer.alloc(32);
  head.writeUInt8(3, 0);
  head.writeUInt8(126, 1); // 2026-11-30: fixed, so the bytes do not change
  head.writeUInt8(11, 2);
  head.writeUInt8(30, 3);
  head.writeUInt32LE(rows.length, 4);
  head.writeUInt16LE(32 + 32 * fields.length + 1, 8);
  head.writeUInt16LE(recLen, 10);
  const descs = fields.map((f) => {
    const d = Buffer.alloc(32);
    d.write(f.name, 0, 'latin1');
    d.write('C', 11, 'latin1');
    d.writeUInt8(f.len, 16);
    return d;
  });
  const recs = rows.map((r) => {
    const b = Buffer.alloc(recLen, 0x20);
    let at = 1;
    fields.forEach((f, i) => {
      Buffer.from(String(r[i]), 'utf8').copy(b, at, 0, f.len);
      at += f.len;
    });
    return b;
  });
  return Buffer.concat([head, ...descs, Buffer.from([0x0d]), ...recs, Buffer.from([0x1a])]);
}

/** A zip with stored (uncompressed) entries and a fixed date. */
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x5b7e, 12); // 2025-11-30
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0x5b7e, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const WGS84_PRJ =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
const UTM49_PRJ =
  'PROJCS["WGS_1984_UTM_Zone_49N",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",111.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
const BAD_PRJ = 'PROJCS["Local_Grid_Jingzhou_Unknown",LOCAL_DATUM["Unknown",0],UNIT["Meter",1.0],AXIS["X",EAST],AXIS["Y",NORTH]]';

const SHP_POINTS = POINTS.slice(0, 3);
const fields = [
  { name: 'NAME', len: 40 },
  { name: 'COUNTY', len: 12 },
];
const rows = SHP_POINTS.map((p) => [p.name, p.county]);
const layer = (base, pts, prj) => {
  const { shp, shx } = shpFiles(pts);
  const entries = [
    [`${base}.shp`, shp],
    [`${base}.shx`, shx],
    [`${base}.dbf`, dbf(fields, rows)],
    [`${base}.cpg`, Buffer.from('UTF-8')],
  ];
  if (prj) entries.push([`${base}.prj`, Buffer.from(prj)]);
  return zip(entries);
};
write('import-shp-wgs84.zip', layer('projects', SHP_POINTS.map((p) => ({ x: p.lon, y: p.lat })), WGS84_PRJ));
const utm = proj4('EPSG:4326', '+proj=utm +zone=49 +datum=WGS84 +units=m +no_defs');
write('import-shp-utm49.zip', layer('projects_utm49', SHP_POINTS.map((p) => {
  const [x, y] = utm.forward([p.lon, p.lat]);
  return { x: Math.round(x * 100) / 100, y: Math.round(y * 100) / 100 };
}), UTM49_PRJ));
write('import-shp-badprj.zip', layer('projects_local', SHP_POINTS.map((p, i) => ({ x: 1000 + i * 10, y: 2000 + i * 10 })), BAD_PRJ));

// --- XLSX --------------------------------------------------------------------------------------
const wb = new ExcelJS.Workbook();
wb.creator = 'jingzhou-works-map fixtures';
wb.created = new Date('2026-01-01T00:00:00Z');
wb.modified = new Date('2026-01-01T00:00:00Z');
const ws = wb.addWorksheet('项目');
ws.addRow(['项目名称', '经度', '纬度', '主题', '状态', '开工日期', '备注']);
POINTS.forEach((p, i) => ws.addRow([p.name, p.lon, p.lat, p.theme, p.status, new Date(Date.UTC(2021, i, 1)), i === 0 ? { formula: '1+1', result: 2 } : `备注${i}`]));
write('import.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
