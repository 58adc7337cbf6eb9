import type { CitywideItem } from './data/citywide';
import type { Link, Project } from './data/projects';
import { anchorOf, areaKm2, bboxOf, distanceToGeometryKm } from './geo/measure';
import { t, type Lang } from './i18n';
import type { MapView } from './map/map-view';
import { JINGZHOU_BOUNDS } from './map/bounds';
import { buildProjectLayers, toFeatures } from './map/project-layers';
import type { AppState } from './state/app-state';
import { applyFilters, normalise, summarise, type Filters } from './state/filters';
import type { Store } from './state/store';
import { writeUrl } from './state/url-state';
import { renderCitywide } from './ui/citywide-panel';
import { renderDetails, type Neighbour } from './ui/details';
import { h } from './ui/dom';
import { renderFilterPanel } from './ui/filter-panel';
import { renderLegend } from './ui/legend';
import { renderProjectList } from './ui/project-list';
import { renderStats } from './ui/stats-panel';
import { Presenter } from './present/presenter';
import type { TourConfig } from './present/tour';
import { renderCaption, renderDashboard } from './ui/presentation';
import { buildGazetteer, type Place } from './near/gazetteer';
import { locate, LocateError } from './near/locate';
import { kmOutside, projectsWithin, radiusCircle } from './near/near';
import { buildNearLayers } from './map/near-layers';
import { renderNearPanel } from './ui/near-panel';

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
  let lastCountyText = '';

  const tabs = h('div', { class: 'tabs', role: 'tablist' });
  const filterEl = h('div', { class: 'filters' });
  const listEl = h('div', { class: 'list' });
  const citywideEl = h('div', { class: 'citywide', role: 'tabpanel' });
  const statsEl = h('div', { class: 'stats', role: 'tabpanel' });
  const nearEl = h('div', { class: 'near', role: 'tabpanel' });
  const gazetteer = buildGazetteer(data.places, data.projects, [111.2, 29.2, 114.3, 31.0]);
  let picking = false;
  let summary = summarise(data.projects, store.get().filters);
  const sheetToggle = h('button', { type: 'button', class: 'sheet-toggle', onClick: () => dom.sidebar.classList.toggle('expanded') });
  const projectsPane = h('div', { class: 'projects-pane', role: 'tabpanel' }, filterEl, listEl);
  dom.sidebar.replaceChildren(sheetToggle, tabs, projectsPane, nearEl, citywideEl, statsEl);

  const caption = h('section', { class: 'caption', 'aria-live': 'polite', hidden: true });
  const dashLeft = h('aside', { class: 'dash dash-left', hidden: true });
  const dashRight = h('aside', { class: 'dash dash-right', hidden: true });
  const exitBtn = h('button', { type: 'button', class: 'exit-present', hidden: true, onClick: () => store.set({ present: false }) });
  view.map.getContainer().append(caption, dashLeft, dashRight, exitBtn);
  let presenter: Presenter | null = null;
  let viewBeforePresent: AppState['view'] = null;
  // Kiosk settings stay in the URL when the app rewrites it.
  const keep = new URLSearchParams(location.search);
  const keepSuffix = ['kiosk', 'interval', 'idle'].filter((k) => keep.has(k)).map((k) => `&${k}=${encodeURIComponent(keep.get(k)!)}`).join('');

  const setFilters = (filters: Filters) => store.set({ filters });
  const choose = (id: string | null) => store.set({ selectedId: id });

  function updateVisible(f: Filters): void {
    // County and text are per-feature tests on the CPU, redone only when they change.
    const key = `${f.counties.join(',')}|${normalise(f.q)}`;
    if (key === lastCountyText) return;
    lastCountyText = key;
    const needle = normalise(f.q);
    data.projects.forEach((p, i) => {
      const county = p.county.some((c) => f.counties.includes(c));
      const text = !needle || [p.name, p.name_en, p.quote].some((s) => normalise(s).includes(needle));
      visible[i] = county && text ? 1 : 0;
    });
    filterVersion++;
  }

  function renderLayers(s: AppState): void {
    updateVisible(s.filters);
    const near = s.near ? buildNearLayers(s.near.center, s.near.radiusKm) : [];
    view.setLayers([...near, ...buildProjectLayers(features, {
      themes: s.filters.themes, statuses: s.filters.statuses, kinds: s.filters.kinds,
      visible, filterVersion, selectedId: s.selectedId, hoveredId: s.hoveredId, scale: s.present ? textScale() : 1,
    }, (id) => store.get().hoveredId !== id && store.set({ hoveredId: id }), (id) => id && !picking && choose(id))]);
  }

  const setNear = (center: [number, number], label: string) =>
    store.set((st) => ({ near: { center, radiusKm: st.near?.radiusKm ?? 5, label }, nearError: null, tab: 'near' }));

  function renderNear(s: AppState): void {
    const nearby = s.near ? projectsWithin(s.near.center, s.near.radiusKm, data.projects) : null;
    const outsideKm = s.near ? kmOutside(s.near.center, data.outline) : 0;
    document.body.dataset.nearCount = nearby ? String(nearby.length) : '';
    renderNearPanel(nearEl, s, { nearby, outsideKm, picking }, gazetteer, s.lang, {
      onLocate: () => {
        store.set({ nearError: null });
        locate().then(
          (pt) => setNear(pt, t(store.get().lang, 'myLocation')),
          (e) => store.set({ nearError: e instanceof LocateError ? e.failure : 'unavailable' }),
        );
      },
      onPick: () => {
        picking = !picking;
        view.map.getCanvas().style.cursor = picking ? 'crosshair' : '';
        renderNear(store.get());
      },
      onPlace: (p: Place) => setNear(p.at, p.name),
      onRadius: (r) => store.set((st) => ({ near: st.near ? { ...st.near, radiusKm: r } : null })),
      onClear: () => store.set({ near: null, nearError: null }),
      onChoose: (id) => choose(id),
    });
  }

  function renderChrome(lang: Lang, s: AppState): void {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    dom.title.textContent = t(lang, 'title');
    dom.subtitle.textContent = t(lang, 'subtitle');
    document.title = `${t(lang, 'title')} · ${t(lang === 'zh' ? 'en' : 'zh', 'title')}`;
    dom.actions.replaceChildren(
      h('button', { type: 'button', id: 'present-button', 'aria-label': t(lang, 'presentLabel'), title: t(lang, 'presentLabel'), onClick: () => store.set({ present: true }) }, t(lang, 'present')),
      h('button', { type: 'button', id: 'lang-switch', 'aria-label': t(lang, 'languageLabel'), onClick: () => store.set({ lang: lang === 'zh' ? 'en' : 'zh' }) }, t(lang, 'language')),
    );
    exitBtn.textContent = t(lang, 'exitPresent');
    exitBtn.setAttribute('aria-label', t(lang, 'exitPresent'));
    sheetToggle.setAttribute('aria-label', t(lang, 'sheetToggle'));
    tabs.replaceChildren(...(['projects', 'near', 'citywide', 'stats'] as const).map((tab) =>
      h('button', {
        type: 'button', role: 'tab', 'aria-selected': s.tab === tab ? 'true' : 'false', id: `tab-${tab}`,
        onClick: () => store.set({ tab }),
      }, t(lang, ({ projects: 'tabProjects', near: 'tabNear', citywide: 'tabCitywide', stats: 'tabStats' } as const)[tab]))));
    renderLegend(dom.legend, lang);
    renderCitywide(citywideEl, data.citywide, lang);
  }

  /** Map padding that keeps fitted things clear of the bottom sheet (phones) or details card. */
  function padding(): { top: number; bottom: number; left: number; right: number } {
    const phone = window.matchMedia('(max-width: 700px)').matches;
    const sheet = phone ? dom.sidebar.getBoundingClientRect().height : 0;
    const card = !phone && !dom.details.hidden ? dom.details.getBoundingClientRect().width + 40 : 0;
    return { top: 50, left: 50, bottom: 40 + sheet, right: 50 + card };
  }

  function flyTo(p: Project): void {
    const [w, s, e, n] = bboxOf(p.geometry);
    if (w === e && s === n) view.map.flyTo({ center: [w, s], zoom: Math.max(view.map.getZoom(), 11.5), duration: 1200, padding: padding() });
    else view.map.fitBounds([[w, s], [e, n]], { padding: padding(), maxZoom: 14, duration: 1200 });
  }

  function fitNear(near: NonNullable<AppState['near']>): void {
    const [w, s, e, n] = bboxOf(radiusCircle(near.center, near.radiusKm).geometry);
    view.map.fitBounds([[w, s], [e, n]], { padding: padding(), duration: 800 });
  }

  function textScale(): number {
    // Large screens: type and symbols grow with the screen so they read from several metres.
    return store.get().present ? Math.max(1.4, Math.min(window.innerWidth / 1920, window.innerHeight / 1080) * 1.8) : 1;
  }

  function enterPresent(s: AppState): void {
    viewBeforePresent = s.view;
    document.body.classList.add('presenting');
    for (const el of [caption, dashLeft, dashRight, exitBtn]) el.hidden = false;
    document.documentElement.requestFullscreen?.().catch(() => { /* not allowed without a gesture (kiosk): the kiosk browser is full screen */ });
    view.map.resize();
    view.setLanguage(s.lang, textScale());
    renderDashboard(dashLeft, dashRight, applyFilters(data.projects, s.filters), data.citywide, s.lang);
    presenter = new Presenter(view, tour, {
      onChange: (stop, i, n, playing) => {
        renderCaption(caption, stop, i, n, playing, store.get().lang);
        // The project the tour shows is drawn emphasised.
        const shownId = stop.kind === 'project' ? stop.project.id : null;
        if (store.get().hoveredId !== shownId) store.set({ hoveredId: shownId });
        document.body.dataset.tourIndex = String(i);
        document.body.dataset.tourPlaying = String(playing);
      },
      onExit: () => store.set({ present: false }),
    });
    presenter.start(applyFilters(data.projects, s.filters), true);
  }

  function leavePresent(s: AppState): void {
    presenter?.destroy();
    presenter = null;
    document.body.classList.remove('presenting');
    for (const el of [caption, dashLeft, dashRight, exitBtn]) el.hidden = true;
    delete document.body.dataset.tourIndex;
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    view.map.resize();
    view.setLanguage(s.lang, 1);
    const back = viewBeforePresent;
    if (back) view.map.jumpTo({ center: back.center, zoom: back.zoom, bearing: back.bearing, pitch: back.pitch });
    else view.map.fitBounds(JINGZHOU_BOUNDS, { padding: 16, duration: 0, pitch: 0, bearing: 0 });
  }

  function render(s: AppState, prev: AppState | null): void {
    const lang = s.lang;
    if (s.present !== (prev?.present ?? false)) (s.present ? enterPresent(s) : leavePresent(s));
    if (!prev || prev.lang !== lang || prev.tab !== s.tab) {
      renderChrome(lang, s);
      if (prev && prev.lang !== lang) view.setLanguage(lang, textScale());
    }
    projectsPane.hidden = s.tab !== 'projects';
    citywideEl.hidden = s.tab !== 'citywide';
    statsEl.hidden = s.tab !== 'stats';
    nearEl.hidden = s.tab !== 'near';
    if (!prev || prev.near !== s.near || prev.nearError !== s.nearError || prev.lang !== lang || prev.tab !== s.tab) renderNear(s);
    if (s.near && prev && (prev.near?.center !== s.near.center || prev.near?.radiusKm !== s.near.radiusKm)) fitNear(s.near);
    const filtersChanged = !prev || prev.filters !== s.filters || prev.lang !== lang;
    if (filtersChanged) summary = summarise(data.projects, s.filters);
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
      renderDetails(dom.details, sel, sel ? nearestProjects(sel, data.projects) : [], lang, () => choose(null), choose);
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
      document.body.dataset.url = 'written';
      try {
        localStorage.setItem('jzmap.lang', s.lang);
      } catch {
        /* storage may be off (private mode): the URL still carries the language */
      }
    }, 120);
  }

  view.map.on('click', (e) => {
    if (!picking) return;
    picking = false;
    view.map.getCanvas().style.cursor = '';
    setNear([e.lngLat.lng, e.lngLat.lat], t(store.get().lang, 'nearHere'));
  });
  view.map.on('moveend', () => {
    const m = view.map;
    const c = m.getCenter();
    store.set({ view: { center: [c.lng, c.lat], zoom: m.getZoom(), bearing: m.getBearing(), pitch: m.getPitch() } });
  });
  document.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement;
    const typing = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;
    if (e.key === 'Escape' && store.get().selectedId && !target.closest('.project-list')) choose(null);
    if ((e.key === 'p' || e.key === 'P') && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) store.set({ present: !store.get().present });
  });
  window.addEventListener('resize', () => store.get().present && view.setLanguage(store.get().lang, textScale()));
  store.subscribe((s, prev) => render(s, prev));
  render(store.get(), null);
  const first = store.get();
  view.map.resize();
  if (first.near && !first.view) fitNear(first.near);
  else if (!first.view && first.selectedId && byId.has(first.selectedId)) flyTo(byId.get(first.selectedId)!);
  else if (!first.view) view.map.fitBounds(JINGZHOU_BOUNDS, { padding: padding(), duration: 0 });
}
