import { describe, expect, it } from 'vitest';
import { baseMapSources, buildCsp, cspSource } from '../../src/reliability/csp';

describe('Content-Security-Policy', () => {
  it('takes the origin of every url/tiles field, unwrapping pmtiles:// and host templates', () => {
    const config = {
      basemaps: [
        { id: 'osm', tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'] },
        { id: 'amap', tiles: ['https://webrd0{s}.is.autonavi.com/appmaptile?x={x}'] },
        { id: 'tdt', url: 'https://t0.tianditu.gov.cn/vec_w/wmts?tk=KEY' },
        { id: 'pm', url: 'pmtiles://https://cdn.example.org:8443/jz.pmtiles' },
        { id: 'local', url: './tiles/jz.pmtiles' },
        { id: 'bad', url: 'javascript:alert(1)', name: 'https://not-a-url-field.example' },
      ],
    };
    expect(baseMapSources(config)).toEqual([
      'https://*.is.autonavi.com', 'https://cdn.example.org:8443', 'https://t0.tianditu.gov.cn', 'https://tile.openstreetmap.org',
    ]);
  });

  it('refuses a wildcard over a whole top-level domain and credentials in a URL', () => {
    expect(cspSource('https://{s}.com/x')).toBeNull();
    expect(cspSource('https://user:pw@tiles.example.org/x')).toBeNull();
    expect(cspSource('https://a.b"; script-src *')).toBeNull();
  });

  it('allows no inline script or eval, no plugins, no base, and lists the base-map hosts for data and images only', () => {
    const csp = buildCsp({ hosts: ['https://tile.example.org'] });
    const d = Object.fromEntries(csp.split('; ').map((x) => [x.split(' ')[0], x.split(' ').slice(1)]));
    expect(d['script-src']).toEqual(["'self'"]);
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
    expect(d['object-src']).toEqual(["'none'"]);
    expect(d['base-uri']).toEqual(["'none'"]);
    expect(d['connect-src']).toEqual(["'self'", 'data:', 'https://tile.example.org']);
    expect(d['img-src']).toContain('https://tile.example.org');
    expect(d['frame-ancestors']).toBeUndefined();
    expect(buildCsp({ hosts: [], header: true })).toMatch(/frame-ancestors 'self'$/);
  });
});
