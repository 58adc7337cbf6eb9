import type { CitywideItem } from './data/citywide';
import type { Link, Project } from './data/projects';
import { anchorOf, areaKm2, bboxOf, distanceToGeometryKm } from './geo/measure';
import { t, type Lang } from './i18n';
import type { MapView } from './map/map-view';
import { JINGZHOU_BOUNDS } from './map/bounds';
import { buildProjectLayers, toFeatures } from './map/project-layers';
import type { AppState } from './state/app-state';
import { countyTextFlags, summarise, type Filters, type Summary } from './state/filters';
import type { Store } from './state/store';
import { writeUrl } from './state/url-state';
import { download, toCsv, toGeoJson } from './data/export';
import { renderCitywide } from './ui/citywide-panel';
import { renderDetails, type Neighbour } from './ui/details';
import { h } from './ui/dom';
import { renderFilterPanel } from './ui/filter-panel';
import { renderLegend } from './ui/legend';
import { renderProjectList } from './ui/project-list';
import { renderStats } from './ui/stats-panel';
import { mapPadding } from './ui/map-padding';
import type { TourConfig } from './present/tour';
import { radiusCircle } from './near/near';
import { buildNearLayers } from './map/near-layers';
import { createNearMode } from './modes/near-mode';
import { createPresentMode } from './modes/present-mode';
import { createPublish } from './publish';
import { createBasemapMode } from './basemaps/basemap-mode';
import { createDrawMode } from './draw/draw-mode';

export interface AppData {
  projects: Project[];
  links: Link[];
  citywide: CitywideItem[];
  /** Towns and seats for the place search (data/base/places.geojson). */
  places: GeoJSON.FeatureCollection;
  /** 荆州市 as one area, to tell a place outside it. */
  outline: GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon>;
}

export interface AppDom {
  sidebar: HTMLElement;
  details: HTMLElement;
  legend: HTMLElement;
  actions: HTMLElement;
  title: HTMLElement;
  subtitle: HTMLElement;
}

/** The nearest other projects to `p`, measured from p's anchor to each one's nearest part. */
export function nearestProjects(p: Project, all: Project[], n = 3): Neighbour[] {
  const from = anchorOf(p.geometry);
  // Basin- and county-wide zones contain everything: they are nobody's neighbour.
  return all
    .filter((o) => o.id !== p.id && areaKm2(o.geometry) < 500)
    .map((o) => ({ project: o, km: distanceToGeometryKm(from, o.geometry) }))
    .sort((a, b) => a.km - b.km)
    .slice(0, n);
}

/**
 * Wires data → store → map layers and panels. Panels and the map only read state and call
 * `store.set`; nothing else writes it.
 */
export function startApp(data: AppData, store: Store<AppState>, view: MapView, dom: AppDom, tour: TourConfig): void {
  const features = toFeatures(data.projects, data.links);
  const byId = new Map(data.projects.map((p) => [p.id, p]));
  const visible = new Float32Array(data.projects.length);
  let filterVersion = 0;
  let lastCountyText: string | null = null;

  const tabs = h('div', { class: 'tabs', role: 'tablist' });
  const filterEl = h('div', { class: 'filters' });
  const listEl = h('div', { class: 'list' });
  const exportEl = h('div', { class: 'export' });
  const citywideEl = h('div', { class: 'citywide', role: 'tabpanel' });
  const statsEl = h('div', { class: 'stats', role: 'tabpanel' });
  const nearEl = h('div', { class: 'near', role: 'tabpanel' });
  // Set on the first render, then whenever the filters or language change.
  let summary: Summary;
  const sheetToggle = h('button', { type: 'button', class: 'sheet-toggle', onClick: () => dom.sidebar.classList.toggle('expanded') });
  const projectsPane = h('div', { class: 'projects-pane', role: 'tabpanel' }, filterEl, exportEl, listEl);
  dom.sidebar.replaceChildren(sheetToggle, tabs, projectsPane, nearEl, citywideEl, statsEl);

  // Kiosk settings stay in the URL when the app rewrites it.
  const keep = new URLSearchParams(location.search);
  const keepSuffix = ['kiosk', 'interval', 'idle', 'embed'].filter((k) => keep.has(k)).map((k) => `&${k}=${encodeURIComponent(keep.get(k)!)}`).join('');

  const setFilters = (filters: Filters) => store.set({ filters });
  const choose = (id: string | null) => store.set({ selectedId: id });
  const present = createPresentMode(view, store, data, tour);
  const near = createNearMode(nearEl, view, store, data, choose);
  const publish = createPublish(view, store, data, dom.legend as HTMLDetailsElement);
  const draw = createDrawMode(view, store, () => renderLayers(store.get()));

  function updateVisible(f: Filters): void {
    // County and text are per-feature flags, recomputed only when they change.
    const key = `${f.counties.join(',')}|${f.q}`;
    if (key === lastCountyText) return;
    lastCountyText = key;
    countyTextFlags(data.projects, f, visible);
    filterVersion++;
  }

  function renderLayers(s: AppState): void {
    updateVisible(s.filters);
    // Drawn where the base map has them (shifted on a GCJ-02 street map); cached per base map.
    const d = view.display;
    const drawn = { areas: d.features(features.areas), lines: d.features(features.lines), points: d.features(features.points), links: d.features(features.links) };
    const nearLayers = s.near ? buildNearLayers(s.near.center, s.near.radiusKm, 1, d) : [];
    view.setLayers([...nearLayers, ...buildProjectLayers(drawn, {
      themes: s.filters.themes, statuses: s.filters.statuses, kinds: s.filters.kinds,
      visible, filterVersion, selectedId: s.selectedId, hoveredId: s.hoveredId, scale: present.scale(),
    }, (id) => store.get().hoveredId !== id && store.set({ hoveredId: id }), (id) => id && !near.picking() && !draw.busy() && choose(id)), ...draw.layers()]);
  }

  /** Everything whose words depend on the language only. */
  function renderChrome(lang: Lang, s: AppState): void {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    dom.title.textContent = t(lang, 'title');
    dom.subtitle.textContent = t(lang, 'subtitle');
    document.title = `${t(lang, 'title')} · ${t(lang === 'zh' ? 'en' : 'zh', 'title')}`;
    dom.sidebar.setAttribute('aria-label', t(lang, 'sidebar'));
    view.map.getContainer().setAttribute('aria-label', t(lang, 'map'));
    view.map.getCanvas().setAttribute('aria-label', t(lang, 'map'));
    dom.legend.setAttribute('aria-label', t(lang, 'legend'));
    dom.actions.replaceChildren(
      ...publish.controls(lang),
      h('button', { type: 'button', id: 'present-button', 'aria-label': t(lang, 'presentLabel'), title: t(lang, 'presentLabel'), onClick: () => store.set({ present: true }) }, t(lang, 'present')),
      h('button', { type: 'button', id: 'lang-switch', 'aria-label': t(lang, 'languageLabel'), onClick: () => store.set({ lang: lang === 'zh' ? 'en' : 'zh' }) }, t(lang, 'language')),
    );
    present.relabel(s);
    sheetToggle.setAttribute('aria-label', t(lang, 'sheetToggle'));
    renderLegend(dom.legend, lang);
    // Download what the filters show (uMap #1500): GeoJSON with the data's own fields, CSV for Excel.
    exportEl.replaceChildren(
      h('button', { type: 'button', id: 'download-geojson', onClick: () => download('jingzhou-projects.geojson', toGeoJson(summary.shown), 'application/geo+json') }, t(lang, 'downloadGeoJson')),
      h('button', { type: 'button', id: 'download-csv', onClick: () => download('jingzhou-projects.csv', toCsv(summary.shown, (p) => anchorOf(p.geometry)), 'text/csv;charset=utf-8') }, t(lang, 'downloadCsv')),
    );
    renderCitywide(citywideEl, data.citywide, lang);
  }

  function renderTabs(lang: Lang, current: AppState['tab']): void {
    tabs.replaceChildren(...(['projects', 'near', 'citywide', 'stats'] as const).map((tab) =>
      h('button', {
        type: 'button', role: 'tab', 'aria-selected': current === tab ? 'true' : 'false', id: `tab-${tab}`,
        onClick: () => store.set({ tab }),
      }, t(lang, ({ projects: 'tabProjects', near: 'tabNear', citywide: 'tabCitywide', stats: 'tabStats' } as const)[tab]))));
  }

  const padding = () => mapPadding(dom.sidebar, dom.details);

  function flyTo(p: Project): void {
    // A point is shown with its ring of uncertainty (precision_m) in view, so a marker that only
    // stands for an area is seen as one.
    const geometry = p.geometry.type === 'Point' ? radiusCircle(p.geometry.coordinates as [number, number], p.precision_m / 1000).geometry : p.geometry;
    const [w, s, e, n] = bboxOf(geometry);
    view.map.fitBounds(view.display.bounds([[w, s], [e, n]]), { padding: padding(), maxZoom: p.geometry.type === 'Point' ? 12 : 14, duration: 1200 });
  }

  function fitNear(near: NonNullable<AppState['near']>): void {
    const [w, s, e, n] = bboxOf(radiusCircle(near.center, near.radiusKm).geometry);
    view.map.fitBounds(view.display.bounds([[w, s], [e, n]]), { padding: padding(), duration: 800 });
  }

  function render(s: AppState, prev: AppState | null): void {
    const lang = s.lang;
    if (s.present !== (prev?.present ?? false)) (s.present ? present.enter(s) : present.leave(s));
    if (!prev || prev.lang !== lang) {
      renderChrome(lang, s);
      if (prev) view.setLanguage(lang, present.scale());
    }
    if (!prev || prev.lang !== lang || prev.tab !== s.tab) renderTabs(lang, s.tab);
    projectsPane.hidden = s.tab !== 'projects';
    citywideEl.hidden = s.tab !== 'citywide';
    statsEl.hidden = s.tab !== 'stats';
    nearEl.hidden = s.tab !== 'near';
    if (!prev || prev.near !== s.near || prev.nearError !== s.nearError || prev.lang !== lang) near.render(s);
    if (s.near && prev && (prev.near?.center !== s.near.center || prev.near?.radiusKm !== s.near.radiusKm)) fitNear(s.near);
    if (!prev || prev.filters !== s.filters) summary = summarise(data.projects, s.filters);
    // The panels also re-render for a new language; the summary does not depend on it.
    const filtersChanged = !prev || prev.filters !== s.filters || prev.lang !== lang;
    const shown = summary.shown;
    if (filtersChanged || prev?.selectedId !== s.selectedId) {
      renderFilterPanel(filterEl, summary.counts, s.filters, lang, setFilters);
      renderProjectList(listEl, shown, data.projects.length, s.selectedId, lang, {
        onChoose: (id) => (store.get().selectedId === id ? flyTo(byId.get(id)!) : choose(id)),
        onHover: (id) => store.set({ hoveredId: id }),
        onEscape: () => choose(null),
      });
    }
    // Hidden panels are drawn when shown, not on every change.
    if (s.tab === 'stats' && (filtersChanged || prev?.tab !== 'stats')) renderStats(statsEl, shown, lang);
    const sel = s.selectedId ? byId.get(s.selectedId) ?? null : null;
    if (!prev || prev.selectedId !== s.selectedId || prev.lang !== lang) {
      renderDetails(dom.details, sel, sel ? nearestProjects(sel, data.projects) : [], lang, () => choose(null), choose, draw.detailsSection(sel));
      if (sel && prev && prev.selectedId !== s.selectedId) flyTo(sel);
    }
    if (!prev || prev.filters !== s.filters || prev.selectedId !== s.selectedId || prev.hoveredId !== s.hoveredId || prev.near !== s.near || prev.present !== s.present) renderLayers(s);
    document.body.dataset.shown = String(shown.length);
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
      try {
        localStorage.setItem('jzmap.lang', s.lang);
      } catch {
        /* storage may be off (private mode): the URL still carries the language */
      }
    }, 120);
  }

  view.map.on('moveend', () => {
    const m = view.map;
    const c = m.getCenter();
    // The URL holds WGS-84 whatever base map is shown.
    store.set({ view: { center: view.display.fromDisplay([c.lng, c.lat]), zoom: m.getZoom(), bearing: m.getBearing(), pitch: m.getPitch() } });
  });
  document.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement;
    const typing = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;
    if (e.key === 'Escape' && store.get().selectedId && !target.closest('.project-list')) choose(null);
    if ((e.key === 'p' || e.key === 'P') && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) store.set({ present: !store.get().present });
  });
  store.subscribe((s, prev) => render(s, prev));
  // A switch of base map re-draws every overlay through the new display transform (drawings too).
  createBasemapMode(view, store, () => draw.setTransform(view.display));
  render(store.get(), null);
  const first = store.get();
  view.map.resize();
  if (first.near && !first.view) fitNear(first.near);
  else if (!first.view && first.selectedId && byId.has(first.selectedId)) flyTo(byId.get(first.selectedId)!);
  else if (!first.view) view.map.fitBounds(JINGZHOU_BOUNDS, { padding: padding(), duration: 0 });
}
