import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { LABEL_FONTS, OVERLAY_ANCHOR, type LabelLanguage } from '../map/basemap-style';
import { withKey, type BasemapSource } from './config';
import { StyleError } from './style-error';

/**
 * MapLibre styles for the street base maps. Every style holds the empty OVERLAY_ANCHOR layer
 * where the project layers go (under the base map's labels, over its streets), so the deck.gl
 * layers' `beforeId` is the same whatever the base map.
 */

/** The style source id of a street base map's tiles; tile errors are recognised by it. */
export const TILES_SOURCE = 'bm-tiles';
export const LABELS_SOURCE = 'bm-labels';

const anchorLayer = (): LayerSpecification => ({ id: OVERLAY_ANCHOR, type: 'background', layout: { visibility: 'none' } });

/** Inserts the overlay anchor before the first symbol layer (or at the top when there is none). */
export function withAnchor(layers: LayerSpecification[]): LayerSpecification[] {
  const out = layers.filter((l) => l.id !== OVERLAY_ANCHOR);
  const i = out.findIndex((l) => l.type === 'symbol');
  out.splice(i < 0 ? out.length : i, 0, anchorLayer());
  return out;
}

/** Raster tiles (天地图, 高德, OSM, a typed XYZ template), with 天地图's label tiles above the overlays. */
export function rasterStyle(src: BasemapSource, key: string | undefined): StyleSpecification {
  const common = { type: 'raster' as const, tileSize: src.tileSize, minzoom: src.minzoom, maxzoom: src.maxzoom };
  return {
    version: 8,
    sources: {
      [TILES_SOURCE]: { ...common, tiles: withKey(src.tiles ?? [], key) },
      ...(src.labels ? { [LABELS_SOURCE]: { ...common, tiles: withKey(src.labels.tiles, key) } } : {}),
    },
    layers: [
      { id: 'bm-background', type: 'background', paint: { 'background-color': '#eef0f2' } },
      { id: 'bm-tiles', type: 'raster', source: TILES_SOURCE },
      anchorLayer(),
      ...(src.labels ? [{ id: 'bm-labels', type: 'raster', source: LABELS_SOURCE } as LayerSpecification] : []),
    ],
  };
}

type Json = unknown;

/** Every `text-font` in a layer's layout, however nested in expressions, becomes the system font stack. */
function systemFonts(v: Json): Json {
  if (Array.isArray(v)) return v.map(systemFonts);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'text-font' ? ['literal', LABEL_FONTS] : systemFonts(x)]));
  }
  return v;
}


type ProtomapsModule = typeof import('@protomaps/basemaps');

/**
 * The Protomaps basemap style for a self-hosted .pmtiles file, labels in Chinese (or English).
 *
 * Offline labels: the style has no `glyphs` URL, so MapLibre draws every label with the system's
 * fonts (the same as the embedded map: Noto Sans CJK / YaHei / PingFang) and requests no glyph
 * PBFs. Its `text-font` stacks name Protomaps' Noto fonts; they are replaced by ours. It has no
 * sprite either: layers that are only icons (one-way arrows, road shields) are left out, and the
 * town dots and POI icons are dropped from the layers that also have text.
 */
export function pmtilesStyle(pm: ProtomapsModule, url: string, lang: LabelLanguage): StyleSpecification {
  const base = pm.layers('protomaps', pm.namedFlavor('light'), { lang: lang === 'zh' ? 'zh-Hans' : 'en' }) as LayerSpecification[];
  const kept = base
    .filter((l) => !(l.type === 'symbol' && (l.id === 'roads_oneway' || l.id === 'roads_shields')))
    .map((l) => {
      if (l.type !== 'symbol' || !l.layout) return l;
      const { 'icon-image': _icon, 'icon-size': _size, ...layout } = l.layout as Record<string, Json>;
      return { ...l, layout: systemFonts(layout) } as LayerSpecification;
    });
  return {
    version: 8,
    sources: { protomaps: { type: 'vector', url: `pmtiles://${url}` } },
    layers: withAnchor(kept),
  };
}

let registered: Promise<void> | null = null;
/** Teaches MapLibre the pmtiles:// protocol (HTTP range requests into one file), once, on first use. */
function registerPmtiles(): Promise<void> {
  registered ??= Promise.all([import('pmtiles'), import('maplibre-gl')]).then(([{ Protocol }, maplibregl]) => {
    maplibregl.addProtocol('pmtiles', new Protocol().tile);
  });
  return registered;
}

const SOURCE_TYPES = new Set(['vector', 'raster', 'raster-dem']);

/** A URL inside a fetched style, made absolute against the style's own address; only http(s). */
function absolute(u: unknown, base: string, what: string): string {
  if (typeof u !== 'string') throw new StyleError(`${what}: 不是网址 not a URL`);
  let abs: URL;
  try {
    abs = new URL(u, base);
  } catch {
    throw new StyleError(`${what}: 不是有效的网址 not a valid URL`);
  }
  if (abs.protocol !== 'https:' && abs.protocol !== 'http:') throw new StyleError(`${what}: 不允许的协议 protocol not allowed (${abs.protocol})`);
  return abs.href.replace(/%7B/gi, '{').replace(/%7D/gi, '}');
}

/**
 * A MapLibre style fetched from a deployment's or user's URL, checked so it is used only for tiles
 * and styles: tile sources (vector, raster, raster-dem) and GeoJSON written into the style, nothing
 * else (no image, video or remote GeoJSON sources), every URL http(s). Relative URLs are resolved
 * against the style's address. The overlay anchor is put under its first label layer.
 */
export function checkedStyle(json: unknown, styleUrl: string): StyleSpecification {
  const st = json as StyleSpecification;
  if (!st || typeof st !== 'object' || st.version !== 8 || !st.sources || typeof st.sources !== 'object' || !Array.isArray(st.layers)) {
    throw new StyleError('不是 MapLibre 样式（version 8, sources, layers）— not a MapLibre style');
  }
  const sources: StyleSpecification['sources'] = {};
  for (const [id, raw] of Object.entries(st.sources)) {
    const src = raw as unknown as Record<string, unknown>;
    if (src.type === 'geojson' && typeof src.data === 'object') {
      sources[id] = raw;
      continue;
    }
    if (!SOURCE_TYPES.has(String(src.type))) throw new StyleError(`source "${id.slice(0, 40)}": 只允许瓦片数据源 only tile sources are allowed (${String(src.type).slice(0, 20)})`);
    const out: Record<string, unknown> = { ...src };
    if (src.url !== undefined) out.url = absolute(src.url, styleUrl, `source ${id}`);
    if (src.tiles !== undefined) {
      if (!Array.isArray(src.tiles)) throw new StyleError(`source ${id}: tiles`);
      out.tiles = src.tiles.map((t) => absolute(t, styleUrl, `source ${id}`));
    }
    sources[id] = out as never;
  }
  const out: StyleSpecification = { ...st, sources, layers: withAnchor(st.layers) };
  if (st.glyphs !== undefined) out.glyphs = absolute(st.glyphs, styleUrl, 'glyphs');
  if (typeof st.sprite === 'string') out.sprite = absolute(st.sprite, styleUrl, 'sprite');
  else if (st.sprite !== undefined) delete out.sprite;
  return out;
}

/** Fetches a style JSON with a time limit; any failure is a StyleError saying why. */
async function fetchStyle(url: string, timeoutMs: number): Promise<StyleSpecification> {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), timeoutMs);
  try {
    let res: Response;
    try {
      res = await fetch(url, { signal: ctl.signal, credentials: 'omit' });
    } catch (e) {
      throw new StyleError((e as Error).name === 'AbortError' ? 'timeout' : 'unreachable', 0);
    }
    if (!res.ok) throw new StyleError(`HTTP ${res.status}`, res.status);
    let json: unknown;
    try {
      json = await res.json();
    } catch {
      throw new StyleError('不是有效的 JSON — not valid JSON');
    }
    return checkedStyle(json, res.url || url);
  } finally {
    clearTimeout(timer);
  }
}

/** Makes a base map's style for a language and text scale (re-run when either changes). */
export type StyleBuilder = (lang: LabelLanguage, textScale: number) => StyleSpecification;

/**
 * Everything needed to draw a street base map, loaded: the style builder, and the style source ids
 * whose tile errors mean the base map fails. Loads the PMTiles reader and Protomaps styles only
 * when a PMTiles base map is first chosen, so the default start loads none of it.
 */
export async function loadStyle(src: BasemapSource, key: string | undefined, timeoutMs: number): Promise<{ build: StyleBuilder; sources: string[] }> {
  if (src.type === 'raster') {
    const style = rasterStyle(src, key);
    return { build: () => style, sources: Object.keys(style.sources) };
  }
  if (src.type === 'pmtiles') {
    const [pm] = await Promise.all([import('@protomaps/basemaps'), registerPmtiles()]);
    const url = withKey([src.url!], key)[0];
    return { build: (lang) => pmtilesStyle(pm, url, lang), sources: ['protomaps'] };
  }
  const style = await fetchStyle(withKey([src.url!], key)[0], timeoutMs);
  return { build: () => style, sources: Object.keys(style.sources) };
}
