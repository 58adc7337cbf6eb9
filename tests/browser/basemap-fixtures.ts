import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import { baseMapSources, buildCsp, withCspMeta } from '../../src/reliability/csp';

/**
 * Local stand-ins for street-map servers, for the base-map browser tests: node:http on 127.0.0.1,
 * port 0, nothing from the internet. One server hands out XYZ and 天地图-style WMTS tiles (PNG,
 * drawn here), a PMTiles file with range requests, a MapLibre style, a 403 and a server that never
 * answers; another serves the built app with a test basemaps.json in place of the shipped one.
 */

const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const PMTILES_FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'basemaps', 'streets.pmtiles');

// ---- PNG (RGBA, no filter), enough to draw tiles ----
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
export function encodePng(w: number, h: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const raw = Buffer.alloc((w * 4 + 1) * h);
  for (let y = 0; y < h; y++) Buffer.from(rgba.buffer, rgba.byteOffset + y * w * 4, w * 4).copy(raw, y * (w * 4 + 1) + 1);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** Web-Mercator world pixel of a lon/lat at zoom z (256-px tiles). */
export function worldPixel(lon: number, lat: number, z: number): [number, number] {
  const s = 256 * 2 ** z;
  const r = (lat * Math.PI) / 180;
  return [((lon + 180) / 360) * s, ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * s];
}

export const TILE_BG = [222, 222, 214] as const;
export const MARKER = [255, 0, 255] as const;

/** A 256-px tile: flat background, a darker border, and a magenta ring (radius 11–15 px) round `marker`, so a symbol drawn on it leaves the ring visible. */
export function drawTile(z: number, x: number, y: number, marker: [number, number] | null, bg: readonly number[] = TILE_BG): Buffer {
  const px = new Uint8Array(256 * 256 * 4);
  const [mx, my] = marker ? worldPixel(marker[0], marker[1], z).map((v, i) => v - (i ? y : x) * 256) : [-99, -99];
  for (let j = 0; j < 256; j++) {
    for (let i = 0; i < 256; i++) {
      const o = (j * 256 + i) * 4;
      const border = i === 0 || j === 0;
      const r2 = (i + 0.5 - mx) ** 2 + (j + 0.5 - my) ** 2;
      const inMarker = r2 >= 11 * 11 && r2 <= 15 * 15;
      const c = inMarker ? MARKER : border ? [bg[0] - 30, bg[1] - 30, bg[2] - 30] : bg;
      px[o] = c[0];
      px[o + 1] = c[1];
      px[o + 2] = c[2];
      px[o + 3] = 255;
    }
  }
  return encodePng(256, 256, px);
}

export interface TileServer {
  origin: string;
  /** Paths requested so far (query strings with `tk` kept: the test checks the key went out). */
  requests: string[];
  close(): Promise<void>;
}

const listen = (server: http.Server) =>
  new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

/**
 * The tile server. `marker` is where the XYZ tiles draw their magenta disc (a GCJ-02 position,
 * to test alignment); `goodKey` is the only 天地图 key it accepts.
 */
export async function startTileServer(opts: { marker: [number, number]; goodKey: string }): Promise<TileServer> {
  const requests: string[] = [];
  const pm = fs.readFileSync(PMTILES_FIXTURE);
  const hanging: http.ServerResponse[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push(url.pathname + url.search);
    const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'Content-Range, Content-Length, ETag', 'Access-Control-Allow-Headers': 'Range', 'Cache-Control': 'no-store' };
    if (req.method === 'OPTIONS') return res.writeHead(204, cors).end();
    const png = (body: Buffer) => res.writeHead(200, { ...cors, 'Content-Type': 'image/png' }).end(body);
    let m: RegExpExecArray | null;
    if ((m = /^\/xyz\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(url.pathname))) return png(drawTile(+m[1], +m[2], +m[3], opts.marker));
    if ((m = /^\/tdt\/(vec|cva)_w\/wmts$/.exec(url.pathname))) {
      if (url.searchParams.get('tk') !== opts.goodKey) return res.writeHead(403, { ...cors, 'Content-Type': 'text/plain' }).end('invalid key');
      const [z, x, y] = ['TILEMATRIX', 'TILECOL', 'TILEROW'].map((k) => Number(url.searchParams.get(k)));
      // Labels are transparent except a small mark; the base is pale green, so the two are told apart.
      if (m[1] === 'cva') return png(encodePng(256, 256, new Uint8Array(256 * 256 * 4)));
      return png(drawTile(z, x, y, null, [214, 232, 214]));
    }
    if (url.pathname === '/forbidden/tile.png' || url.pathname.startsWith('/forbidden/')) return res.writeHead(403, { ...cors, 'Content-Type': 'text/plain' }).end('forbidden');
    if (url.pathname.startsWith('/hang/')) return void hanging.push(res);
    if (url.pathname === '/style.json') {
      // Relative tile URL: the app must resolve it against the style's own address.
      const style = { version: 8, sources: { fx: { type: 'raster', tiles: ['xyz/{z}/{x}/{y}.png'], tileSize: 256 } }, layers: [{ id: 'fx', type: 'raster', source: 'fx' }] };
      return res.writeHead(200, { ...cors, 'Content-Type': 'application/json' }).end(JSON.stringify(style));
    }
    if (url.pathname === '/streets.pmtiles') {
      const range = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
      if (!range) return res.writeHead(200, { ...cors, 'Content-Type': 'application/octet-stream', 'Content-Length': pm.length }).end(pm);
      const start = +range[1];
      const end = Math.min(+range[2], pm.length - 1);
      return res.writeHead(206, { ...cors, 'Content-Type': 'application/octet-stream', 'Content-Range': `bytes ${start}-${end}/${pm.length}`, 'Content-Length': end - start + 1 }).end(pm.subarray(start, end + 1));
    }
    res.writeHead(404, cors).end('not found');
  });
  const port = await listen(server);
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => {
      for (const r of hanging) r.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** A port nothing listens on (opened, then closed). */
export async function closedPort(): Promise<number> {
  const s = http.createServer();
  const port = await listen(s);
  await new Promise((r) => s.close(r));
  return port;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.geojson': 'application/geo+json', '.csv': 'text/csv', '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json',
};

/**
 * Serves the production build (dist/, built by the browser tests' global setup) with `config` as
 * its basemaps.json: how a deployment configures base maps, without any test-only switch in the app.
 */
export async function startAppServer(config: unknown): Promise<{ url: string; close(): Promise<void> }> {
  const dist = path.join(ROOT, 'dist');
  const server = http.createServer((req, res) => {
    const p = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (p === '/basemaps.json') return res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(config));
    const file = path.join(dist, p === '/' ? 'index.html' : p);
    if (!file.startsWith(dist) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return res.writeHead(404).end('not found');
    // The page's Content-Security-Policy allows the hosts of the basemaps.json it is served with,
    // as a deployment that edits its config updates the policy (docs/deploy.md).
    if (file.endsWith('index.html')) return res.writeHead(200, { 'Content-Type': TYPES['.html'] }).end(withCspMeta(fs.readFileSync(file, 'utf8'), buildCsp({ hosts: baseMapSources(config) })));
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
