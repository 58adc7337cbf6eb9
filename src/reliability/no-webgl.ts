import { t, type Lang } from '../i18n';
import type { MapView } from '../map/map-view';
import { h } from '../ui/dom';

/**
 * Creates the map, or — on a device that cannot draw it (no WebGL, a blocked GPU) — says so in
 * the map's box and returns null, so the app starts without it. `body[data-webgl="none"]`.
 */
export function tryCreateMap(box: HTMLElement, lang: Lang, create: () => MapView): MapView | null {
  // No separate probe: MapLibre throws when it cannot get a WebGL2 context. A throwaway probe
  // context cost ~0.1–1 s on every load in software WebGL (see README, npm run bench).
  try {
    return create();
  } catch (err) {
    console.warn('map could not be created', err);
  }
  document.body.dataset.webgl = 'none';
  document.body.classList.add('no-map');
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  box.append(h('div', { class: 'map-notice no-webgl', role: 'status' },
    h('strong', {}, t(lang, 'noWebgl')),
    h('p', {}, t(other, 'noWebgl'))));
  return null;
}
