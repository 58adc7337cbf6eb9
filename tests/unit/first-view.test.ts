import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from 'maplibre-gl';
import { parseLinks, parseProjects } from '../../src/data/projects';
import { BASE_MAP_URLS } from '../../src/data/basemap';
import { buildBaseStyle } from '../../src/map/basemap-style';
import { firstViewLayers, firstViewTiling, type FirstViewState } from '../../src/map/first-view';
import { toFeatures } from '../../src/map/project-features';
import { IDENTITY } from '../../src/basemaps/display-crs';
import { dataDir } from './data-dir';

/*
 * The app adds the first view's layers without MapLibre's run-time validation (first-view.ts):
 * here they are validated against the style spec, in the states a person meets.
 */
const read = (f: string) => JSON.parse(fs.readFileSync(path.join(dataDir, f), 'utf8'));
const { projects } = parseProjects(read('projects.geojson'));
const links = parseLinks(read('links.geojson'));
const features = toFeatures(projects, links);
const all = new Set(projects.map((p) => p.id));
const aLine = features.lines[0].properties.id;
const anArea = features.areas[0].properties.id;

function styleWith(layers: StyleSpecification['layers']): StyleSpecification {
  const base = buildBaseStyle(BASE_MAP_URLS);
  return { ...base, sources: { ...base.sources, 'fv-projects': { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } }, layers: [...base.layers, ...layers] };
}

describe('the first view’s layers', () => {
  const states: [string, FirstViewState][] = [
    ['everything shown', { shown: all, selectedId: null, hoveredId: null, scale: 1, display: IDENTITY }],
    ['a line chosen, an area hovered, presenting', { shown: all, selectedId: aLine, hoveredId: anArea, scale: 2.5, display: IDENTITY }],
    ['filtered to a few', { shown: new Set([aLine, anArea]), selectedId: anArea, hoveredId: null, scale: 1, display: IDENTITY }],
    ['the report hidden', { shown: null, selectedId: null, hoveredId: null, scale: 1, display: IDENTITY }],
  ];

  it.each(states)('pass the style spec: %s', (_name, s) => {
    const layers = firstViewLayers(features, s);
    const errors = validateStyleMin(styleWith(layers as StyleSpecification['layers']));
    expect(errors.map((e) => e.message)).toEqual([]);
  });

  it('share a layer per look: fewer layers than projects, every area and line in exactly one group', () => {
    const s = states[0][1];
    const layers = firstViewLayers(features, s);
    expect(layers.length).toBeLessThan(features.areas.length * 2 + features.lines.length);
    // Each area (fill and outline) and each line is listed in one plain layer's filter.
    const listed = new Map<number, number>();
    for (const l of layers) {
      const f = l.filter as unknown[];
      if (!/^fv-(area|outline|line)-\d+$/.test(l.id) || f[0] !== 'in') continue;
      for (const i of (f[2] as [string, number[]])[1]) listed.set(i, (listed.get(i) ?? 0) + 1);
    }
    for (const f of features.areas) expect(listed.get(f.properties.filterIndex)).toBe(2);
    for (const f of features.lines) expect(listed.get(f.properties.filterIndex)).toBe(1);
  });

  it('keep their ids whatever the state, so a change only sets properties', () => {
    const ids = (s: FirstViewState) => firstViewLayers(features, s).map((l) => l.id);
    for (const [, s] of states) expect(ids(s)).toEqual(ids(states[0][1]));
  });

  it('draw a hovered or chosen feature again in its own layer, over its group', () => {
    const layers = firstViewLayers(features, states[1][1]);
    const chosen = layers.find((l) => l.id === 'fv-line-chosen')!;
    expect(chosen.layout?.visibility).toBe('visible');
    expect(chosen.filter).toEqual(['in', ['get', 'i'], ['literal', [features.lines[0].properties.filterIndex]]]);
    expect(layers.find((l) => l.id === 'fv-area-hovered')!.layout?.visibility).toBe('visible');
    expect(layers.find((l) => l.id === 'fv-line-hovered')!.layout?.visibility).toBe('none');
  });
});

describe('the first view source', () => {
  it('is tiled two zoom levels below the opening view, as exact there as a source tiled at it', () => {
    // A laptop opens Jingzhou at ~8.0, a phone at ~6.9, a 4K screen at ~9.5.
    for (const [zoom, maxzoom] of [[8.04, 6], [6.9, 4], [9.5, 7], [1.2, 0]] as const) {
      const t = firstViewTiling(zoom);
      expect(t.maxzoom).toBe(maxzoom);
      // MapLibre simplifies by `tolerance` pixels of a tile at its own zoom: overzoomed to the
      // opening zoom's whole level that is 0.375 px, MapLibre's default there.
      expect(t.tolerance * 2 ** (Math.floor(zoom) - t.maxzoom)).toBeCloseTo(0.375, 10);
    }
  });
});
