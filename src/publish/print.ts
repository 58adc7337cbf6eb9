import type { Map as MapLibreMap } from 'maplibre-gl';
import { h } from '../ui/dom';

/**
 * Makes the browser's print (Ctrl+P) show the map. A WebGL canvas may print blank (its drawing
 * buffer is cleared once shown), so just before printing the map is drawn synchronously and
 * copied into an <img> that the print stylesheet shows in the canvas's place (without the copy,
 * the canvas itself prints). The legend is opened; `setFilters` keeps the line under the map
 * that states the filters in words.
 */
export function installPrint(map: MapLibreMap, legend: HTMLDetailsElement): { setFilters(text: string): void } {
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
      document.body.classList.add('print-snapshot-ready');
      // Counts the copies made, for tests and for anyone checking that printing saw the map.
      document.body.dataset.printSnapshots = String(Number(document.body.dataset.printSnapshots ?? 0) + 1);
    } catch {
      /* a lost context: the page prints without the map image rather than not at all */
    }
    legendWasOpen = legend.open;
    legend.open = true;
  };
  const after = () => {
    if (!printing) return;
    printing = false;
    legend.open = legendWasOpen;
    img.removeAttribute('src');
    document.body.classList.remove('print-snapshot-ready');
  };
  window.addEventListener('beforeprint', before);
  window.addEventListener('afterprint', after);
  // Print preview or emulation may switch the media without the print events.
  const media = window.matchMedia('print');
  media.addEventListener('change', (e) => (e.matches ? before() : after()));
  return {
    setFilters(text) {
      filters.textContent = text;
    },
  };
}
