// Benchmark baseline: a bare MapLibre page with the same embedded base map and no app code.
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { loadBaseMap } from '../data/basemap';
import { buildBaseStyle } from '../map/basemap-style';
import { JINGZHOU_BOUNDS } from '../map/bounds';

maplibregl.setWorkerUrl(workerUrl);
loadBaseMap().then((base) => {
  // The same marks as the app's (src/main.ts), to compare their timelines.
  performance.mark('jzmap:basemap');
  const map = new maplibregl.Map({ container: 'map', style: buildBaseStyle(base), bounds: JINGZHOU_BOUNDS });
  performance.mark('jzmap:map-created');
  map.once('idle', () => {
    document.body.dataset.readyAt = String(performance.now());
    document.body.dataset.ready = 'true';
  });
});
