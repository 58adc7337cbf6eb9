import type { Lang } from '../i18n';
import { DEFAULT_FILTERS, type Filters } from './filters';

export interface MapViewState {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

export type Tab = 'projects' | 'citywide' | 'stats';

export interface AppState {
  filters: Filters;
  selectedId: string | null;
  hoveredId: string | null;
  lang: Lang;
  tab: Tab;
  /** null until the map reports its first view; the URL may preset it. */
  view: MapViewState | null;
}

export function initialState(lang: Lang): AppState {
  return { filters: DEFAULT_FILTERS, selectedId: null, hoveredId: null, lang, tab: 'projects', view: null };
}
