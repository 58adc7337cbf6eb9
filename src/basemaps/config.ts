import type { Crs } from './display-crs';

/**
 * The deployment's base-map configuration, `public/basemaps.json` (served as `basemaps.json`
 * beside index.html). Whoever hosts the app lists there which street maps to offer. The format is
 * documented in README.md (§ 底图 · Base maps). Every URL in the file sits under a key named `url`
 * (one string) or `tiles` (a list of strings), so tools such as the Content-Security-Policy builder
 * can read the hosts out of it without knowing the rest of the format.
 *
 * The embedded offline map is not listed: it is always there and is the default.
 */

/** The embedded base map's id, always available. */
export const EMBEDDED_ID = 'embedded';
/** The id of the base map a user typed in (kept in this browser only). */
export const CUSTOM_ID = 'custom';
export const ID_RE = /^[a-z0-9][a-z0-9-]{0,39}$/;
/** A key is put into tile URLs: only characters that need no escaping and cannot break the URL. */
export const KEY_RE = /^[A-Za-z0-9_-]{1,128}$/;

export type BasemapType = 'raster' | 'pmtiles' | 'style';

export interface BasemapSource {
  id: string;
  type: BasemapType;
  name: { zh: string; en: string };
  /** The coordinate system the tiles are drawn in; overlays are shifted to match it. */
  crs: Crs;
  /** Shown on the map while this base map is (the licence's required credit). */
  attribution: string;
  /** 审图号 (map approval number), shown at the map's lower left as the rules for online maps require. */
  approval?: string;
  /** raster: tile URL templates with {z} {x} {y} (and {key} where a key goes). */
  tiles?: string[];
  /** raster: a label layer drawn above the project layers (天地图 cva/cia). */
  labels?: { tiles: string[] };
  /** pmtiles: the .pmtiles file; style: the MapLibre style JSON. */
  url?: string;
  /** The value for {key}; when empty the user is asked for one. Never logged. */
  key?: string;
  /** What the key is called, for the prompt (e.g. "天地图 tk"). */
  keyLabel?: string;
  tileSize: number;
  minzoom: number;
  maxzoom: number;
  /** Overrides the file's `timeoutMs` for this base map (a slow intranet server). */
  timeoutMs?: number;
}

export interface BasemapsConfig {
  version: 1;
  /** The base map shown when neither the URL nor this browser has chosen one. */
  defaultId: string;
  /** Whether a user may type their own tile template or style URL. */
  allowCustom: boolean;
  /** A base map whose first tile has not arrived this long after the map asked for it counts as failed. */
  timeoutMs: number;
  basemaps: BasemapSource[];
}

/** The configuration when the file is missing or unusable: the embedded map only. */
export const EMBEDDED_ONLY: BasemapsConfig = { version: 1, defaultId: EMBEDDED_ID, allowCustom: false, timeoutMs: 15000, basemaps: [] };

/** What was wrong with the config file, in both languages; the embedded map keeps working. */
export class BasemapConfigError extends Error {
  constructor(readonly reason: string) {
    super(`basemaps.json — ${reason}`);
    this.name = 'BasemapConfigError';
  }
}

export interface ParsedConfig {
  config: BasemapsConfig;
  /** Entries that were left out, each naming the entry and why. */
  problems: string[];
}

/** Tile URLs with the key filled in (URL-encoded). */
export function withKey(urls: string[], key: string | undefined): string[] {
  return urls.map((u) => u.replaceAll('{key}', encodeURIComponent(key ?? '')));
}

/** A text with every key of these sources replaced by "***", for messages that might quote a URL. */
export function redactKeys(s: string, keys: (string | undefined)[]): string {
  let out = s;
  for (const k of keys) if (k) out = out.split(k).join('***').split(encodeURIComponent(k)).join('***');
  // Query parameters that usually carry keys, whatever their value.
  return out.replace(/([?&](?:tk|key|token|access_token|api_key|apikey)=)[^&#\s]*/gi, '$1***');
}

/** What a user types for their own base map: a tile template or a style URL, and its system. */
export interface CustomInput {
  kind: 'xyz' | 'style';
  url: string;
  crs: Crs;
}
