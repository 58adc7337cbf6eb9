import type { Map as MapLibreMap } from 'maplibre-gl';
import { t, type Lang } from '../i18n';
import { h } from '../ui/dom';

/**
 * Says calmly on the map when its WebGL context is lost (GPU reset, driver update, a phone tab
 * sent to the background) and when it is back. The redraw itself is the map view's job
 * (src/map/map-view.ts); this only tells the person. `body[data-webgl]` = lost | restored.
 */
export function watchContextLoss(map: MapLibreMap, lang: () => Lang): void {
  const note = h('div', { class: 'map-notice', role: 'status', 'aria-live': 'polite', hidden: true });
  map.getContainer().append(note);
  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  map.on('webglcontextlost', () => {
    clearTimeout(hideTimer);
    note.textContent = t(lang(), 'contextLost');
    note.hidden = false;
    document.body.dataset.webgl = 'lost';
  });
  map.on('webglcontextrestored', () => {
    note.textContent = t(lang(), 'contextRestored');
    document.body.dataset.webgl = 'restored';
    hideTimer = setTimeout(() => (note.hidden = true), 4000);
  });
}
