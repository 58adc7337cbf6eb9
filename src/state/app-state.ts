import type { Dataset } from '../datasets/types';
import type { Lang } from '../i18n';
import { DEFAULT_FILTERS, type Filters } from './filters';

export interface MapViewState {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

export type Tab = 'projects' | 'near' | 'citywide' | 'stats' | 'layers';

/** The place a resident looks around, and how far. */
export interface NearState {
  center: [number, number];
  radiusKm: number;
  /** How the place was chosen, for the words on screen. */
  label: string;
}

export interface AppState {
  filters: Filters;
  selectedId: string | null;
  hoveredId: string | null;
  lang: Lang;
  tab: Tab;
  /** null until the map reports its first view; the URL may preset it. */
  view: MapViewState | null;
  /** Presentation mode: panels hidden, large type, guided tour. */
  present: boolean;
  near: NearState | null;
  /** Why locating failed, until the next attempt. Not in the URL. */
  nearError: 'denied' | 'unavailable' | 'timeout' | 'unsupported' | null;
  /** The chosen base map's id (src/basemaps/); null until chosen: the deployment's default. */
  basemap: string | null;
  /** Every dataset drawn and listed: the report's projects first, then imports (and sketches). */
  datasets: Dataset[];
  /** The import whose report (rows read, added, rejected) is open, if any. Not in the URL. */
  importReport: string | null;
}

export function initialState(lang: Lang): AppState {
  return { filters: DEFAULT_FILTERS, selectedId: null, hoveredId: null, lang, tab: 'projects', view: null, present: false, near: null, nearError: null, basemap: null, datasets: [], importReport: null };
}
