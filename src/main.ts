import './style.css';
import { startApp } from './app';
import { BASE_MAP_URLS, baseMapFile, loadPlaceData } from './data/basemap';
import { DataFileError } from './data/errors';
import { fetchProjectFiles, readProjectFiles } from './data/projects';
import { isLang, t, type Lang } from './i18n';
import { createMapView } from './map/map-view';
import { PROJECT_LAYER_IDS } from './map/project-features';
import { initialState } from './state/app-state';
import { createStore } from './state/store';
import { readUrl } from './state/url-state';
import { readTourConfig } from './present/tour-config';
import { showFatal, showNotice, showStatus } from './ui/status-banner';
import { mapPadding } from './ui/map-padding';
import { installErrorReporter } from './reliability/error-reporter';
import { tryCreateMap } from './reliability/no-webgl';
import { lazyPart } from './reliability/lazy-part';

const statusEl = document.getElementById('status')!;
// Errors nobody caught are said on the page, in words (issue 15), from the first moment on.
installErrorReporter(document.body, () => (document.documentElement.lang === 'en' ? 'en' : 'zh'));

function storedLang(): Lang {
  try {
    const v = localStorage.getItem('jzmap.lang');
    return isLang(v) ? v : 'zh';
  } catch {
    return 'zh';
  }
}

async function start(): Promise<void> {
  const benchN = Number(new URLSearchParams(location.search).get('bench') ?? 0);
  // Every file is requested now, and the map is created at once: MapLibre's worker fetches and
  // tiles the base map's files itself while the page reads the projects and the place names. On
  // a throttled phone, waiting for the base map before creating the map cost ~0.4 s (issue 11).
  const projectData = fetchProjectFiles();
  projectData.catch(() => {}); // awaited (and reported) below; not unhandled while the map starts
  const placeData = loadPlaceData();
  placeData.catch(() => {});

  // Language and camera do not depend on the projects; the selection is validated once they are in.
  const early = readUrl(location.search, new Set());
  const lang = early.lang ?? storedLang();
  // Phones start with the legend folded, so the map stays visible.
  if (window.matchMedia('(max-width: 700px)').matches) document.getElementById('legend')!.removeAttribute('open');
  const sidebar = document.getElementById('sidebar')!;
  const details = document.getElementById('details')!;
  const mapEl = document.getElementById('map')!;
  // A device without WebGL cannot draw the map; everything else still works without it.
  const view = tryCreateMap(mapEl, lang, () => createMapView({
    container: mapEl,
    base: BASE_MAP_URLS,
    lang,
    labels: { zoomIn: t(lang, 'zoomIn'), zoomOut: t(lang, 'zoomOut'), compass: t(lang, 'compass'), map: t(lang, 'mapCanvas') },
    initialView: early.view ?? undefined,
    fitPadding: mapPadding(sidebar, details),
  }));
  performance.mark('jzmap:map-created');
  // The base map's files are read by MapLibre's worker: one that fails is named, and the rest of
  // the map still shows.
  let baseFailed = false;
  view?.map.on('error', (ev) => {
    const e = ev as { sourceId?: string; error?: { message?: string } };
    // Counties and places are also read by the page, whose failure is said (and stops the app).
    if (e.sourceId !== 'water' && e.sourceId !== 'neighbours') return;
    baseFailed = true;
    const err = new DataFileError(baseMapFile(e.sourceId), `无法读取 could not be read (${e.error?.message ?? '?'})`);
    showNotice(statusEl, `${err.message} ${err.hint}`, t(lang, 'close'));
  });

  const base = await placeData;
  performance.mark('jzmap:basemap');
  const loaded = readProjectFiles(await projectData);
  performance.mark('jzmap:data');
  let projects = loaded.projects;
  if (benchN > 0) {
    // Benchmark only (npm run bench): a synthetic data set of benchN points.
    const { syntheticProjects } = await import('./bench/synthetic');
    projects = syntheticProjects(Math.min(benchN, 1_000_000));
  }

  const url = readUrl(location.search, new Set(projects.map((p) => p.id)));
  const tour = readTourConfig(location.search);
  const store = createStore({ ...initialState(lang), filters: url.filters, selectedId: url.selectedId, tab: url.tab, view: url.view, near: url.near, basemap: url.basemap });

  const outline = base.counties.features.find((f) => f.properties?.kind === 'prefecture') as GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon>;
  // The citywide figures (and papaparse, which reads them) are fetched when first shown.
  const citywide = lazyPart('全市事项 Citywide figures', () => import('./data/citywide').then((m) => m.loadCitywide()));
  const app = startApp({ projects, links: loaded.links, citywide, places: base.places, counties: base.counties, outline }, store, view, {
    map: mapEl,
    sidebar,
    details,
    legend: document.getElementById('legend')!,
    actions: document.getElementById('topbar-actions')!,
    title: document.getElementById('app-title')!,
    subtitle: document.getElementById('app-subtitle')!,
    status: statusEl,
  }, tour);
  performance.mark('jzmap:app-started');
  // Test and benchmark hook: the map and store, read-only by convention.
  (window as unknown as { __jzmap: unknown }).__jzmap = { map: view?.map ?? null, store, pickAll: () => view?.pickAll() ?? [] };
  if (benchN > 0) (await import('./bench/filter-bench')).installFilterBench(store, projects.length);
  // Ready: the map is idle with the projects drawn, by MapLibre's first view (map/first-view.ts),
  // or by deck.gl for a set too large for it (the benchmark's synthetic data).
  await app.panels;
  performance.mark('jzmap:panels');
  if (view) {
    if (!app.firstView) await view.whenDrawn(PROJECT_LAYER_IDS);
    await view.whenIdle();
    performance.mark('jzmap:first-view');
  }
  // A record of the shipped data that breaks the schema is named, not silently dropped.
  const rejected = loaded.rejected.map((r) => `#${r.index} ${r.id || '?'}: ${r.reason}`).join('; ');
  if (rejected) showNotice(statusEl, `data/projects.geojson — ${t(lang, 'rejected', { n: loaded.rejected.length })} ${rejected}`, t(lang, 'close'));
  else if (!baseFailed) showStatus(statusEl, '');
  document.body.dataset.readyAt = String(performance.now());
  document.body.dataset.ready = 'true';
  // Imports saved in earlier visits come back once the report is drawn.
  app.restoreImports();

  // Settled: deck.gl, fetched after the first view, has drawn the projects in its place (every
  // layer of the app is deck.gl's from then on: imports, near-me, drawings, the precision ring).
  if (view) {
    try {
      await view.whenDrawn(PROJECT_LAYER_IDS);
      performance.mark('jzmap:deck-drawn');
    } catch (err) {
      // deck.gl's script failed to arrive: the first view stays, and the rest is said to need a reload.
      console.warn('deck.gl could not be loaded', err);
      showNotice(statusEl, `${t(lang, 'layersFailed')} · ${t(lang === 'zh' ? 'en' : 'zh', 'layersFailed')}`, t(lang, 'close'));
    }
    await view.whenIdle();
    // A kiosk (or a link with present=1) starts presenting by itself once the map is drawn.
    if (tour.present) store.set({ present: true });
  }
  // Offline revisits: registered once the map is whole, so caching never slows it.
  void import('./reliability/offline').then(({ registerOffline }) => registerOffline(() => store.get().lang));
  document.body.dataset.settledAt = String(performance.now());
  document.body.dataset.settled = 'true';
  app.warm();
}

start().catch((err) => {
  showFatal(statusEl, `${t('zh', 'loadFailed')} · ${t('en', 'loadFailed')}`, err);
  document.body.dataset.ready = 'error';
});
