import type { Map as MapLibreMap } from 'maplibre-gl';
import { h } from '../ui/dom';

/**
 * Makes the browser's print (Ctrl+P) show the map. A WebGL canvas may print blank (its drawing
 * buffer is cleared once shown), so just before printing the map is drawn synchronously and
 * copied into an <img> that the print stylesheet shows in the canvas's place. The legend is
 * opened, and a line states the filters in words (`words()`), printed under the map.
 */
export function installPrint(map: MapLibreMap, legend: HTMLDetailsElement, words: () => string[]): void {
  const img = h('img', { class: 'print-snapshot', alt: '' });
  const filters = h('p', { class: 'print-filters' });
  map.getContainer().append(img, filters);
  let legendWasOpen = legend.open;
  let printing = false;
  const before = () => {
    if (printing) return;
    printing = true;
    try {
      map.redraw();
      img.src = map.getCanvas().toDataURL('image/png');
      img.alt = map.getCanvas().getAttribute('aria-label') ?? '';
    } catch {
      /* a lost context: the page prints without the map image rather than not at all */
    }
    legendWasOpen = legend.open;
    legend.open = true;
    filters.textContent = words().join('；');
  };
  const after = () => {
    if (!printing) return;
    printing = false;
    legend.open = legendWasOpen;
    img.removeAttribute('src');
  };
  window.addEventListener('beforeprint', before);
  window.addEventListener('afterprint', after);
  // Print preview or emulation may switch the media without the print events.
  const media = window.matchMedia('print');
  media.addEventListener('change', (e) => (e.matches ? before() : after()));
}
