import { t, type Lang } from '../i18n';
import type { MapView } from '../map/map-view';
import { h } from '../ui/dom';

/** True when this browser can give a WebGL2 context (what MapLibre 6 and deck.gl need). */
export function hasWebGL2(): boolean {
  try {
    const c = document.createElement('canvas');
    const gl = c.getContext('webgl2');
    gl?.getExtension('WEBGL_lose_context')?.loseContext(); // give the probe's context back at once
    return gl !== null;
  } catch {
    return false;
  }
}

/**
 * Creates the map, or — on a device that cannot draw it (no WebGL, a blocked GPU) — says so in
 * the map's box and returns null, so the app starts without it. `body[data-webgl="none"]`.
 */
export function tryCreateMap(box: HTMLElement, lang: Lang, create: () => MapView): MapView | null {
  if (hasWebGL2()) {
    try {
      return create();
    } catch (err) {
      console.warn('map could not be created', err);
    }
  }
  document.body.dataset.webgl = 'none';
  document.body.classList.add('no-map');
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  box.append(h('div', { class: 'map-notice no-webgl', role: 'status' },
    h('strong', {}, t(lang, 'noWebgl')),
    h('p', {}, t(other, 'noWebgl'))));
  return null;
}
