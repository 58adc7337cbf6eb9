import { isLang, type Lang } from '../i18n';
import { COUNTIES, GEOM_KINDS, STATUS_KEYS, THEME_KEYS } from '../data/themes';
import type { AppState, MapViewState, NearState, Tab } from './app-state';
import { RADII_KM } from '../near/near';
import { DEFAULT_FILTERS, type Filters } from './filters';

/**
 * The whole screen in the URL's query, so a reload or a shared link shows the same thing.
 * Only what differs from the default is written. Reading ignores anything malformed, value by value.
 */

const MAX_Q = 80;
const ID_RE = /^[a-z0-9][a-z0-9-]{0,79}$/;

function list<T extends string>(raw: string | null, allowed: readonly T[], fallback: T[]): T[] {
  if (raw === null) return fallback;
  if (raw === '') return [];
  const vals = raw.split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));
  // A list with nothing valid in it is junk, not "show nothing".
  return vals.length ? [...new Set(vals)] : fallback;
}

function num(raw: string | null, min: number, max: number): number | null {
  if (raw === null || raw.length > 24) return null;
  const n = Number(raw);
  return Number.isFinite(n) && n >= min && n <= max ? n : null;
}

export interface UrlState {
  filters: Filters;
  selectedId: string | null;
  lang: Lang | null;
  tab: Tab;
  view: MapViewState | null;
  near: NearState | null;
  /** A base-map id (checked against the deployment's list later, by src/basemaps/). */
  basemap: string | null;
}

const BASEMAP_RE = /^[a-z0-9][a-z0-9-]{0,39}$/;

export function readUrl(search: string, knownIds: ReadonlySet<string>): UrlState {
  const q = new URLSearchParams(search);
  const text = (q.get('q') ?? '').slice(0, MAX_Q);
  const filters: Filters = {
    themes: list(q.get('theme'), THEME_KEYS, DEFAULT_FILTERS.themes),
    statuses: list(q.get('status'), STATUS_KEYS, DEFAULT_FILTERS.statuses),
    counties: list(q.get('county'), COUNTIES, DEFAULT_FILTERS.counties),
    kinds: list(q.get('kind'), GEOM_KINDS, DEFAULT_FILTERS.kinds),
    q: /[<>]/.test(text) ? '' : text,
  };
  const sel = q.get('sel');
  const lon = num(q.get('lon'), 108.5, 116.5);
  const lat = num(q.get('lat'), 27.5, 32.5);
  const zoom = num(q.get('z'), 6, 17);
  const view = lon !== null && lat !== null && zoom !== null
    ? { center: [lon, lat] as [number, number], zoom, bearing: num(q.get('b'), -180, 180) ?? 0, pitch: num(q.get('p'), 0, 85) ?? 0 }
    : null;
  const tab = q.get('tab');
  const nearRaw = (q.get('near') ?? '').split(',');
  const nlon = nearRaw.length === 2 ? num(nearRaw[0], 100, 125) : null;
  const nlat = nearRaw.length === 2 ? num(nearRaw[1], 18, 42) : null;
  const r = num(q.get('r'), 1, 20);
  const radiusKm = r !== null && (RADII_KM as readonly number[]).includes(r) ? r : 5;
  const near = nlon !== null && nlat !== null ? { center: [nlon, nlat] as [number, number], radiusKm, label: '' } : null;
  const lang = q.get('lang');
  const bm = q.get('bm');
  return {
    filters,
    selectedId: sel && ID_RE.test(sel) && knownIds.has(sel) ? sel : null,
    lang: isLang(lang) ? lang : null,
    tab: tab === 'citywide' || tab === 'stats' || tab === 'near' || tab === 'layers' ? tab : 'projects',
    view,
    near,
    basemap: bm && BASEMAP_RE.test(bm) ? bm : null,
  };
}

export function writeUrl(s: AppState): string {
  const q = new URLSearchParams();
  const f = s.filters;
  if (f.themes.length !== THEME_KEYS.length) q.set('theme', f.themes.join(','));
  if (f.statuses.length !== STATUS_KEYS.length) q.set('status', f.statuses.join(','));
  if (f.counties.length !== COUNTIES.length) q.set('county', f.counties.join(','));
  if (f.kinds.length !== GEOM_KINDS.length) q.set('kind', f.kinds.join(','));
  if (f.q) q.set('q', f.q);
  if (s.selectedId) q.set('sel', s.selectedId);
  if (s.tab !== 'projects') q.set('tab', s.tab);
  q.set('lang', s.lang);
  if (s.present) q.set('present', '1');
  if (s.basemap && s.basemap !== 'embedded') q.set('bm', s.basemap);
  if (s.near) {
    q.set('near', `${s.near.center[0].toFixed(5)},${s.near.center[1].toFixed(5)}`);
    q.set('r', String(s.near.radiusKm));
  }
  if (s.view) {
    q.set('lon', s.view.center[0].toFixed(4));
    q.set('lat', s.view.center[1].toFixed(4));
    q.set('z', s.view.zoom.toFixed(2));
    if (Math.abs(s.view.bearing) > 0.05) q.set('b', s.view.bearing.toFixed(1));
    if (s.view.pitch > 0.05) q.set('p', s.view.pitch.toFixed(1));
  }
  return `?${q.toString()}`;
}
