import type { CitywideItem } from './data/citywide';
import type { Link, Project } from './data/projects';
import { formatCount, t, type Lang } from './i18n';
import type { MapView } from './map/map-view';
import { JINGZHOU_BOUNDS } from './map/bounds';
import type { LayerComposer } from './map/compose-layers';
import { createFirstView, FIRST_VIEW_MAX_FEATURES, type FirstView } from './map/first-view';
import { PROJECT_LAYER_IDS, toFeatures } from './map/project-features';
import type { AppState } from './state/app-state';
import type { Filters } from './state/filters';
import type { Store } from './state/store';
import { writeUrl } from './state/url-state';
import { renderCitywide } from './ui/citywide-panel';
import { h } from './ui/dom';
import { renderFilterPanel } from './ui/filter-panel';
import { renderLegend } from './ui/legend';
import { renderFeatureList } from './ui/feature-list';
import { listSource } from './ui/list-source';
import { fitNear, fitPositions, flyToFeature, padding } from './ui/framing';
import type { TourConfig } from './present/tour-config';
import { createNearMode } from './modes/near-mode';
import { createPresentMode } from './modes/present-mode';
import { guardPanel, guardPanelWhen } from './reliability/faults';
import { lazyPart } from './reliability/lazy-part';
import { watchContextLoss } from './reliability/context-notice';
import { maplessDraw, maplessPresent, maplessPublish } from './reliability/mapless';
import { createPublish } from './publish';
import { createBasemapMode } from './basemaps/basemap-mode';
import { createDrawMode } from './draw/draw-mode';
import { createFilteredView, importsOf, tallyImported, type FilteredView } from './datasets/filtered';
import { importedIndex } from './datasets/imported-filter';
import { importedPointsLayerId, parseFeatureId, type ImportDataset, type ReportDataset } from './datasets/types';
import { createDatasetActions } from './datasets/actions';
import { createDatasetStore, idbKeyValue } from './datasets/persist';
import { createWorkerKeyValue } from './datasets/worker-key-value';
import { createImportLauncher } from './import-ui/launcher';
import type { LayersPanel } from './import-ui/layers-panel';
import { installWaysIn } from './import-ui/ways-in';
import { storageNotice } from './import-ui/storage-notice';
import { renderTabs } from './ui/tabs';
import { renderDownloadButtons } from './ui/download-buttons';
import { backgroundTask } from './background-task';

/** The panels are filled by then even if the map has not yet been idle (see startApp). */
const PANELS_LATEST_MS = 4000;
// Panels fetched when their tab is first opened.
const statsPanel = lazyPart('统计 Statistics', () => import('./ui/stats-panel'));
// The details cards, with a project's nearest neighbours (turf's point-in-polygon and nearest-point code).
const detailsCode = lazyPart('详情 Details', async () => {
  const [within, details] = await Promise.all([import('./near/within'), import('./ui/details')]);
  return { nearestProjects: within.nearestProjects, renderDetails: details.renderDetails };
});
const layersCode = lazyPart('图层 Layers', () => import('./import-ui/layers-panel'));
const importedDetailsCode = lazyPart('详情 Details', () => import('./ui/imported-details'));

export interface AppData {
  projects: Project[];
  links: Link[];
  /** data/citywide.csv, fetched and read at its first use (the citywide tab, the presentation's dashboard). */
  citywide: () => Promise<CitywideItem[]>;
  /** Towns and seats for the place search (data/base/places.geojson). */
  places: GeoJSON.FeatureCollection;
  /** The county outlines (data/base/counties.geojson), for placing imported rows by county. */
  counties: GeoJSON.FeatureCollection;
  /** 荆州市 as one area, to tell a place outside it. */
  outline: GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon>;
}

export interface AppDom {
  /** The map's box (#map): holds the map, or the notice that it cannot be drawn. */
  map: HTMLElement;
  sidebar: HTMLElement;
  details: HTMLElement;
  legend: HTMLElement;
  actions: HTMLElement;
  title: HTMLElement;
  subtitle: HTMLElement;
  status: HTMLElement;
}

/** The report's projects and links as the first dataset. */
export function reportDataset(data: AppData): ReportDataset {
  return { id: 'report', name: '2021年政府工作报告', kind: 'report', colour: [125, 35, 24], visible: true, data: { projects: data.projects, links: data.links } };
}

/**
 * Wires data → store → map layers and panels. Panels and the map only read state and call
 * `store.set`; nothing else writes it. `view` is null on a device that cannot draw the map (no
 * WebGL): the list, search, filters, details, citywide figures, import and downloads still work.
 */
/** What main.ts needs to know of the started app. */
export interface StartedApp {
  /** MapLibre draws the report's projects until deck.gl has (false for sets too large for it: deck.gl draws them first). */
  firstView: boolean;
  /**
   * Resolves once the panels (tabs, filters, list, legend, a card asked for by the URL) are filled.
   * They are filled in a background-priority task, or at the map's first idle if that comes
   * sooner: filled at once, on a throttled phone (~0.25 s) they held back the map's first tiles.
   */
  panels: Promise<void>;
  /** Brings back the imports saved in earlier visits (their storage starts then, not with the page). */
  restoreImports(): void;
  /**
   * Readies, once the page has settled, what the first clicks would otherwise wait for: a details
   * card's code, the program that draws imported points, and the counts' number formats.
   */
  warm(): void;
}

export function startApp(data: AppData, store: Store<AppState>, view: MapView | null, dom: AppDom, tour: TourConfig): StartedApp {
  const byId = new Map(data.projects.map((p) => [p.id, p]));
  if (!store.get().datasets.some((d) => d.kind === 'report')) store.set({ datasets: [reportDataset(data), ...store.get().datasets] });

  const tabs = h('div', { class: 'tabs', role: 'tablist' });
  const filterEl = h('div', { class: 'filters' });
  const listEl = h('div', { class: 'list' });
  const exportEl = h('div', { class: 'export' });
  const citywideEl = h('div', { class: 'citywide', role: 'tabpanel' });
  const statsEl = h('div', { class: 'stats', role: 'tabpanel' });
  const nearEl = h('div', { class: 'near', role: 'tabpanel' });
  const layersEl = h('div', { class: 'layers-pane', role: 'tabpanel' });
  // Set on the first render, then whenever the datasets or filters change.
  let shownView: FilteredView;
  const filtered = createFilteredView();
  const sheetToggle = h('button', { type: 'button', class: 'sheet-toggle', onClick: () => dom.sidebar.classList.toggle('expanded') });
  const projectsPane = h('div', { class: 'projects-pane', role: 'tabpanel' }, filterEl, exportEl, listEl);
  dom.sidebar.replaceChildren(sheetToggle, tabs, projectsPane, nearEl, citywideEl, statsEl, layersEl);

  // Kiosk settings stay in the URL when the app rewrites it.
  const keep = new URLSearchParams(location.search);
  const keepSuffix = ['kiosk', 'interval', 'idle', 'embed'].filter((k) => keep.has(k)).map((k) => `&${k}=${encodeURIComponent(keep.get(k)!)}`).join('');

  const setFilters = (filters: Filters) => store.set({ filters });
  const choose = (id: string | null) => store.set({ selectedId: id });
  // Without a map (no WebGL) the modes that draw on it stand aside; see reliability/mapless.ts.
  const present = view ? createPresentMode(view, store, data, tour) : maplessPresent;
  if (view) watchContextLoss(view.map, () => store.get().lang);
  const near = createNearMode(nearEl, view, store, data, choose);
  const publish = view ? createPublish(view, store, data, dom.legend as HTMLDetailsElement) : maplessPublish;
  const draw = view ? createDrawMode(view, store, () => renderLayers(store.get())) : maplessDraw;
  const pad = () => padding(dom.sidebar, dom.details);

  // Imported datasets: storage, the import flow and its ways in, the layers tab.
  const actions = createDatasetActions(store, createDatasetStore(createWorkerKeyValue(idbKeyValue)), storageNotice(dom.status, () => store.get().lang));
  const zoomTo = (id: string) => {
    const d = importsOf(store.get().datasets).find((x) => x.id === id);
    if (d && view) fitPositions(view, d.data.positions, pad());
  };
  // body[data-import-drawn] names the last import once all its points are drawn (they arrive in
  // slices, src/map/imported-points-layer.ts): for the bench and tests.
  const markDrawn = (d: ImportDataset) => {
    if (!view || !importedIndex(d.data).points) return;
    void view.whenDrawn([importedPointsLayerId(d.id)]).then(() => (document.body.dataset.importDrawn = d.id));
  };
  const importer = createImportLauncher((m) => m.createImportController(document.body, store, actions, { places: data.places, counties: data.counties }, (d) => {
    zoomTo(d.id);
    markDrawn(d);
  }));
  installWaysIn(dom.map, () => store.get().lang, (src) => importer.read(src), (file) => importer.readFile(file));
  // The 图层 tab is built when first opened (an import opens it too), then kept current.
  let layers: LayersPanel | null = null;
  let layersAsked = false;
  function renderLayersTab(s: AppState, prev: AppState | null): void {
    if (layers) return layers.render(s, prev);
    if (s.tab !== 'layers' || layersAsked) return;
    layersAsked = true;
    void guardPanelWhen(layersEl, 'layers', s.lang, layersCode(), ({ createLayersPanel }) => {
      layers = createLayersPanel(layersEl, store, actions, importer, zoomTo, choose, draw.sketches);
      layers.render(store.get(), null);
    }).then((ok) => (layersAsked = ok));
  }

  const onHover = (id: string | null) => store.get().hoveredId !== id && store.set({ hoveredId: id });
  const onClick = (id: string | null) => id && !near.picking() && !draw.busy() && choose(id);
  // Split by kind once, for the first view and deck.gl's layers alike (nothing to draw without a map).
  const features = view ? toFeatures(data.projects, data.links) : null;
  // MapLibre draws the report's projects until deck.gl is loaded and has drawn them (map/first-view.ts).
  let firstView: FirstView | null = view && features && data.projects.length <= FIRST_VIEW_MAX_FEATURES ? createFirstView(view.map, features, onHover, onClick) : null;
  const hasFirstView = firstView !== null;
  let layerComposer: LayerComposer | null = null;
  function renderLayers(s: AppState): void {
    firstView?.render({
      shown: shownView.report?.visible ? new Set(shownView.shown.map((p) => p.id)) : null,
      selectedId: s.selectedId, hoveredId: s.hoveredId, scale: present.scale(), display: view!.display,
    });
    layerComposer?.render(s, { shown: shownView, scale: present.scale(), drawings: draw.drawings(), onHover, onClick });
    // The report hidden once deck.gl is in: nothing left for the first view to stand in for.
    if (layerComposer && !shownView.report?.visible) removeFirstView();
  }
  function removeFirstView(): void {
    firstView?.remove();
    firstView = null;
  }
  // deck.gl arrives after the first view; once it has drawn the projects, the first view goes.
  if (view) {
    void view.deckReady()
      .then(({ createLayerComposer }) => {
        layerComposer = createLayerComposer(view, data.projects, features!);
        renderLayers(store.get());
        return view.whenDrawn(PROJECT_LAYER_IDS);
      })
      // A failed fetch is said by main.ts; the first view stays, at full detail now.
      .then(removeFirstView, () => firstView?.detail());
  }

  // The language the top bar and labels were last drawn in. startApp draws them with the first
  // view; the panels' first render (same language) leaves them be: rebuilt, the top bar would be
  // painted and rastered again in the middle of the map's first frames.
  let chromeLang: Lang | null = null;
  /** Everything whose words depend on the language only. */
  function renderChrome(lang: Lang, s: AppState): void {
    chromeLang = lang;
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    dom.title.textContent = t(lang, 'title');
    dom.subtitle.textContent = t(lang, 'subtitle');
    document.title = `${t(lang, 'title')} · ${t(lang === 'zh' ? 'en' : 'zh', 'title')}`;
    dom.sidebar.setAttribute('aria-label', t(lang, 'sidebar'));
    dom.map.setAttribute('aria-label', t(lang, 'map'));
    // Its own name: two landmarks both called 地图 cannot be told apart (axe landmark-unique).
    view?.map.getCanvas().setAttribute('aria-label', t(lang, 'mapCanvas'));
    dom.legend.setAttribute('aria-label', t(lang, 'legend'));
    dom.actions.replaceChildren(...[
      ...publish.controls(lang),
      h('button', { type: 'button', id: 'import-button', 'aria-label': t(lang, 'importButtonLabel'), title: t(lang, 'importButtonLabel'), onClick: () => importer.open() }, t(lang, 'importButton')),
      // Nothing to present without a map.
      !view ? null : h('button', { type: 'button', id: 'present-button', 'aria-label': t(lang, 'presentLabel'), title: t(lang, 'presentLabel'), onClick: () => store.set({ present: true }) }, t(lang, 'present')),
      // The name starts with the visible words (axe label-content-name-mismatch).
      h('button', { type: 'button', id: 'lang-switch', 'aria-label': `${t(lang, 'language')} · ${t(lang, 'languageLabel')}`, onClick: () => store.set({ lang: lang === 'zh' ? 'en' : 'zh' }) }, t(lang, 'language')),
    ].filter((b) => b !== null));
    present.relabel(s);
    sheetToggle.setAttribute('aria-label', t(lang, 'sheetToggle'));
    renderDownloadButtons(exportEl, lang, () => shownView);
  }

  const flyTo = (id: string) => view && flyToFeature(view, id, byId, store.get().datasets, pad());

  /**
   * The chosen feature's details card. A report project's card waits for the code that finds its
   * neighbours (fetched with the first choice); a card that failed still opens, to say so.
   */
  let selectionSeq = 0;
  let selectionShown: Promise<unknown> = Promise.resolve();
  function renderSelection(s: AppState, lang: Lang): Promise<unknown> {
    const seq = ++selectionSeq;
    // Another choice (or none) may come while a card's code is on its way: the newest is shown.
    const current = () => seq === selectionSeq;
    const opened = (ok: boolean) => ok || (dom.details.hidden = !s.selectedId);
    const ref = parseFeatureId(s.selectedId);
    const d = ref && importsOf(s.datasets).find((x) => x.id === ref.datasetId);
    if (ref && d && ref.index < d.data.count) {
      return guardPanelWhen(dom.details, 'details', lang, importedDetailsCode(), ({ renderImportedDetails }) => {
        if (current()) renderImportedDetails(dom.details, d, ref.index, lang, () => choose(null));
      }).then(opened);
    }
    const sel = s.selectedId ? byId.get(s.selectedId) ?? null : null;
    if (!sel) {
      dom.details.replaceChildren();
      dom.details.hidden = true;
      return Promise.resolve();
    }
    return guardPanelWhen(dom.details, 'details', lang, detailsCode(), ({ renderDetails, nearestProjects }) => {
      if (current()) renderDetails(dom.details, sel, nearestProjects(sel, data.projects), lang, () => choose(null), choose, draw.detailsSection(sel));
    }).then(opened);
  }

  function render(s: AppState, prev: AppState | null): void {
    const lang = s.lang;
    if (s.present !== (prev?.present ?? false)) (s.present ? present.enter(s) : present.leave(s));
    const datasetsChanged = !prev || prev.datasets !== s.datasets;
    if (!prev || prev.lang !== lang) {
      if (chromeLang !== lang) renderChrome(lang, s);
      if (prev) view?.setLanguage(lang, present.scale());
      // Remembered when it is set, not with the URL's delayed write: a page left within that delay
      // keeps the choice, and other changes (a filter, a hover) do not write storage again.
      rememberLang(lang);
    }
    if (!prev || prev.lang !== lang || datasetsChanged) guardPanel(dom.legend, 'legend', lang, () => renderLegend(dom.legend, lang, importsOf(s.datasets).filter((d) => d.visible)));
    if (!prev || prev.lang !== lang || prev.tab !== s.tab) renderTabs(tabs, lang, s.tab, (tab) => store.set({ tab }));
    projectsPane.hidden = s.tab !== 'projects';
    citywideEl.hidden = s.tab !== 'citywide';
    if (s.tab === 'citywide' && (prev?.tab !== 'citywide' || prev.lang !== lang)) guardPanelWhen(citywideEl, 'citywide', lang, data.citywide(), (items) => renderCitywide(citywideEl, items, lang));
    statsEl.hidden = s.tab !== 'stats';
    nearEl.hidden = s.tab !== 'near';
    layersEl.hidden = s.tab !== 'layers';
    renderLayersTab(s, prev);
    if (!prev || prev.near !== s.near || prev.nearError !== s.nearError || prev.lang !== lang || datasetsChanged || (s.tab === 'near' && prev.tab !== 'near')) near.render(s);
    if (view && s.near && prev && (prev.near?.center !== s.near.center || prev.near?.radiusKm !== s.near.radiusKm)) fitNear(view, s.near, pad());
    if (!prev || prev.filters !== s.filters || datasetsChanged) shownView = filtered(s.datasets, s.filters);
    // The panels also re-render for a new language; the view does not depend on it.
    const filtersChanged = !prev || prev.filters !== s.filters || prev.lang !== lang || datasetsChanged;
    if (filtersChanged || prev?.selectedId !== s.selectedId) {
      // Each panel is guarded: one that throws shows its error and the others still render.
      guardPanel(filterEl, 'filters', lang, () => renderFilterPanel(filterEl, shownView.counts, s.filters, lang, setFilters));
      const hasImports = shownView.imports.some((x) => x.dataset.visible);
      const fmt = (n: number) => (hasImports ? formatCount(n, lang) : String(n));
      guardPanel(listEl, 'list', lang, () => renderFeatureList(listEl, listSource(shownView.shown, shownView.imports, lang),
        t(lang, hasImports ? 'shownFeatures' : 'shown', { n: fmt(shownView.shownTotal), total: fmt(shownView.total) }), s.selectedId, lang, {
          onChoose: (id) => (store.get().selectedId === id ? flyTo(id) : choose(id)),
          onHover: (id) => store.set({ hoveredId: id }),
          onEscape: () => choose(null),
        }));
    }
    // Hidden panels are drawn when shown, not on every change.
    if (s.tab === 'stats' && (filtersChanged || prev?.tab !== 'stats')) {
      const { shown, imports } = shownView;
      guardPanelWhen(statsEl, 'stats', lang, statsPanel(), ({ renderStats }) => renderStats(statsEl, shown, lang, tallyImported(imports)));
    }
    if (!prev || prev.selectedId !== s.selectedId || prev.lang !== lang || datasetsChanged) {
      selectionShown = renderSelection(s, lang);
      // The flight starts once the card is in: its size is part of the map's padding.
      const id = s.selectedId;
      if (id && prev && prev.selectedId !== id) void selectionShown.then(() => store.get().selectedId === id && flyTo(id));
    }
    if (!prev || prev.filters !== s.filters || prev.selectedId !== s.selectedId || prev.hoveredId !== s.hoveredId || prev.near !== s.near || prev.present !== s.present || datasetsChanged) renderLayers(s);
    document.body.dataset.shown = String(shownView.shownTotal);
    scheduleUrl();
  }

  // The URL and the remembered language are written once the changes settle, off the hot path.
  let urlTimer: ReturnType<typeof setTimeout> | undefined;
  function scheduleUrl(): void {
    clearTimeout(urlTimer);
    urlTimer = setTimeout(() => {
      const s = store.get();
      history.replaceState(null, '', writeUrl(s) + keepSuffix);
      publish.update(s);
      document.body.dataset.url = 'written';
    }, 120);
  }
  function rememberLang(lang: Lang): void {
    try {
      localStorage.setItem('jzmap.lang', lang);
    } catch {
      /* storage may be off (private mode): the URL still carries the language */
    }
  }

  view?.map.on('moveend', () => {
    const m = view.map;
    const c = m.getCenter();
    // The URL holds WGS-84 whatever base map is shown.
    store.set({ view: { center: view.display.fromDisplay([c.lng, c.lat]), zoom: m.getZoom(), bearing: m.getBearing(), pitch: m.getPitch() } });
  });
  document.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement;
    const typing = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
    if (importer.isOpen()) return;
    if (e.key === 'Escape' && store.get().selectedId && !target.closest('.project-list')) choose(null);
    if ((e.key === 'p' || e.key === 'P') && view && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) store.set({ present: !store.get().present });
  });
  // Until the panels are first filled, a change (a hover, the camera) only reaches the map.
  let panelsIn = false;
  store.subscribe((s, prev) => {
    if (panelsIn) return render(s, prev);
    if (prev.filters !== s.filters || prev.datasets !== s.datasets) shownView = filtered(s.datasets, s.filters);
    renderLayers(s);
  });
  // A switch of base map re-draws every overlay through the new display transform (drawings too).
  if (view) createBasemapMode(view, store, () => draw.setTransform(view.display));
  const first = store.get();
  // The first view goes on the map now; the top bar's words too, as they set the map's final size.
  shownView = filtered(first.datasets, first.filters);
  renderLayers(first);
  renderChrome(first.lang, first);
  if (view) {
    // The map was created at its final size (the panels keep their place while empty). A resize
    // reallocates the drawing buffer, ~50 ms of a load in software WebGL, so only when it changed.
    const box = view.map.getContainer();
    const canvas = view.map.getCanvas();
    const resized = box.clientWidth !== canvas.clientWidth || box.clientHeight !== canvas.clientHeight;
    if (resized) view.map.resize();
    // Created with the whole city framed; framed again only if the size it was framed for changed.
    if (resized && !first.view && !first.near && !first.selectedId) view.map.fitBounds(JINGZHOU_BOUNDS, { padding: pad(), duration: 0 });
  }
  // When the map is first idle, before deck.gl is fetched (map-view.ts). Filled earlier, in a
  // background task, their layout and raster competed with the map's first tiles and shader
  // programs for the same two cores and GPU process: with the first view's coarser tiles, a
  // laptop's first view came ~0.25 s later that way (12 loads each: mean 2347 vs 2104 ms to ready).
  // A map not idle within a few seconds (a file that never comes) does not keep them empty.
  // Without a map: the next quiet moment.
  const panelsDue = view
    ? Promise.race([view.whenIdle(), new Promise<void>((r) => setTimeout(r, PANELS_LATEST_MS))])
    : backgroundTask();
  const panels = panelsDue.then(() => {
    panelsIn = true;
    render(store.get(), null);
    // Framed as the page was opened: the camera's own first 'moveend' has set a view since.
    if (!view || first.view) return;
    if (first.near) fitNear(view, first.near, pad());
    else if (first.selectedId && byId.has(first.selectedId)) {
      const id = first.selectedId;
      void selectionShown.then(() => store.get().selectedId === id && flyTo(id));
    }
  });
  return {
    firstView: hasFirstView,
    panels,
    restoreImports: () => void actions.restore().then(() => (document.body.dataset.restored = 'true')),
    warm() {
      void detailsCode().catch(() => {}); // a failure is said at the click, which asks again
      // The counts' number formats (ICU's locale data: ~200 ms of a throttled phone), in a task of
      // their own, so an import's first progress line does not pay for them.
      setTimeout(() => {
        formatCount(0, 'zh');
        formatCount(0, 'en');
      }, 0);
      if (!layerComposer || !view) return;
      const v = view;
      const composer = layerComposer;
      // Once the GPU has caught up with the first view: the warm-up's program queries wait for
      // whatever it still has queued.
      void v.whenGpuDone().then(() => {
        composer.warmUp();
        renderLayers(store.get());
        // deck.gl builds the layer in the next frame; body[data-warm] says it has (for the bench).
        v.map.once('idle', () => (document.body.dataset.warm = 'true'));
        v.map.triggerRepaint();
      });
    },
  };
}
