import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initialState } from '../../src/state/app-state';
import { readUrl, writeUrl } from '../../src/state/url-state';
import { BasemapConfigError, redactKeys, withKey } from '../../src/basemaps/config';
import { customSource, parseConfig } from '../../src/basemaps/config-parse';

const BASE = 'https://maps.example.gov.cn/app/';
const shipped = fs.readFileSync(path.resolve(import.meta.dirname, '../../public/basemaps.json'), 'utf8');

const entry = (over: Record<string, unknown> = {}) => ({
  id: 'osm', type: 'raster', name: { zh: 'OSM', en: 'OSM' }, crs: 'wgs84',
  tiles: ['https://tile.example.org/{z}/{x}/{y}.png'], attribution: '© OpenStreetMap contributors', ...over,
});
const file = (basemaps: unknown[], over: Record<string, unknown> = {}) => JSON.stringify({ version: 1, basemaps, ...over });

describe('basemaps.json', () => {
  afterEach(() => vi.restoreAllMocks());

  it('the shipped file parses without problems, defaults to the embedded map and holds no key', () => {
    const { config, problems } = parseConfig(shipped, BASE);
    expect(problems).toEqual([]);
    expect(config.defaultId).toBe('embedded');
    expect(config.basemaps.map((b) => b.id)).toEqual(['tianditu-vec', 'tianditu-img', 'amap', 'osm']);
    expect(config.basemaps.find((b) => b.id === 'amap')!.crs).toBe('gcj02');
    expect(config.basemaps.find((b) => b.id === 'tianditu-vec')!.crs).toBe('cgcs2000');
    for (const b of config.basemaps) expect(b.key ?? '').toBe('');
  });

  it('keeps every URL under a key named url or tiles (the CSP builder reads hosts from those only)', () => {
    const urls: string[] = [];
    const walk = (v: unknown, key: string) => {
      if (typeof v === 'string' && /^https?:/.test(v)) urls.push(`${key}:${v}`);
      else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
    };
    walk(JSON.parse(shipped), '');
    expect(urls.length).toBeGreaterThan(10);
    for (const u of urls) expect(u).toMatch(/^(url|tiles):/);
  });

  it.each([
    ['not JSON', '{"version":1,'],
    ['an array', '[]'],
    ['no version', '{"basemaps":[]}'],
    ['no list', '{"version":1,"basemaps":{}}'],
  ])('a file that is %s is rejected with a clear message', (_l, text) => {
    expect(() => parseConfig(text, BASE)).toThrow(BasemapConfigError);
    expect(() => parseConfig(text, BASE)).toThrow(/basemaps\.json — .*[\u4e00-\u9fff].* — /);
  });

  it.each([
    ['a javascript: URL', { tiles: ['javascript:alert(1)//{z}{x}{y}'] }, /protocol/],
    ['a data: URL', { tiles: ['data:image/png;base64,xx{z}{x}{y}'] }, /protocol/],
    ['a template without {z}', { tiles: ['https://a.example/{x}/{y}.png'] }, /\{z\}/],
    ['credentials in the URL', { tiles: ['https://u:p@a.example/{z}/{x}/{y}.png'] }, /password/],
    ['no coordinate system', { crs: 'EPSG:3857' }, /crs/],
    ['no attribution', { attribution: '' }, /attribution/],
    ['HTML in the name', { name: { zh: '<img src=x>' } }, /name/],
    ['a reserved id', { id: 'embedded' }, /reserved/],
    ['a key that would break the URL', { tiles: ['https://a.example/{z}/{x}/{y}.png?tk={key}'], key: 'a&b=c' }, /key/],
  ])('an entry with %s is left out and named; the others stay', (_l, over, why) => {
    const { config, problems } = parseConfig(file([entry(over), entry({ id: 'good' })]), BASE);
    expect(config.basemaps.map((b) => b.id)).toEqual(['good']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^basemaps\[0\]/);
    expect(problems[0]).toMatch(why);
  });

  it('resolves a PMTiles path against the app and reads the key placeholder', () => {
    const { config } = parseConfig(file([
      { id: 'streets', type: 'pmtiles', name: { zh: '街道' }, crs: 'wgs84', url: 'tiles/jingzhou.pmtiles', attribution: '© OpenStreetMap contributors' },
      entry({ id: 'tdt', tiles: ['https://t0.example/vec?x={x}&y={y}&l={z}&tk={key}'], keyLabel: '天地图 tk' }),
    ]), BASE);
    expect(config.basemaps[0].url).toBe('https://maps.example.gov.cn/app/tiles/jingzhou.pmtiles');
    expect(config.basemaps[0].name.en).toBe('街道');
    expect(config.basemaps[1].key).toBe('');
    expect(config.basemaps[1].keyLabel).toBe('天地图 tk');
    expect(withKey(config.basemaps[1].tiles!, 'abc123')[0]).toBe('https://t0.example/vec?x={x}&y={y}&l={z}&tk=abc123');
  });

  it('falls back to the embedded default when the default is not listed', () => {
    const { config, problems } = parseConfig(file([entry()], { default: 'amap' }), BASE);
    expect(config.defaultId).toBe('embedded');
    expect(problems.join()).toMatch(/amap/);
  });

  it('never logs, and redacts keys from any message', () => {
    const spies = (['log', 'warn', 'error', 'info', 'debug'] as const).map((m) => vi.spyOn(console, m));
    parseConfig(file([entry({ tiles: ['https://a.example/{z}/{x}/{y}?tk={key}'], key: 'SECRETKEY1' }), entry({ id: 'bad', key: 'SECRETKEY2', crs: 'x' })]), BASE);
    for (const s of spies) expect(s).not.toHaveBeenCalled();
    expect(redactKeys('GET https://a.example/1/2/3?tk=SECRETKEY1 failed (SECRETKEY1)', ['SECRETKEY1'])).toBe('GET https://a.example/1/2/3?tk=*** failed (***)');
    expect(redactKeys('https://b.example/?token=zzz&x=1', [])).toBe('https://b.example/?token=***&x=1');
  });

  it('a typed custom URL becomes a source only with a system and a usable URL', () => {
    expect(customSource({ kind: 'xyz', url: 'https://tiles.example.net/{z}/{x}/{y}.png', crs: 'gcj02' }, BASE)).toMatchObject({ id: 'custom', type: 'raster', crs: 'gcj02' });
    expect(customSource({ kind: 'style', url: 'https://tiles.example.net/style.json', crs: 'wgs84' }, BASE)).toMatchObject({ type: 'style', url: 'https://tiles.example.net/style.json' });
    expect(customSource({ kind: 'xyz', url: 'javascript:alert(1)', crs: 'wgs84' }, BASE)).toHaveProperty('error');
    expect(customSource({ kind: 'xyz', url: 'https://x.example/a.png', crs: 'wgs84' }, BASE)).toHaveProperty('error');
    expect(customSource({ kind: 'xyz', url: 'https://x.example/{z}/{x}/{y}', crs: 'nad27' as never }, BASE)).toHaveProperty('error');
  });
});

describe('the base-map choice in the URL', () => {
  it('is written as bm= (not for the embedded map) and read back; junk is ignored', () => {
    expect(writeUrl({ ...initialState('zh'), basemap: 'tianditu-vec' })).toContain('bm=tianditu-vec');
    expect(writeUrl({ ...initialState('zh'), basemap: 'embedded' })).not.toContain('bm=');
    expect(readUrl('?bm=amap', new Set()).basemap).toBe('amap');
    for (const bad of ['?bm=%3Cscript%3E', '?bm=https://evil.example/{z}', '?bm=' + 'a'.repeat(60)]) expect(readUrl(bad, new Set()).basemap).toBeNull();
  });
});
