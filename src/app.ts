import type { CitywideItem } from './data/citywide';
import type { Link, Project } from './data/projects';
import { anchorOf, bboxOf, distanceToGeometryKm } from './geo/measure';
import { t, type Lang } from './i18n';
import type { MapView } from './map/map-view';
import { buildProjectLayers, toFeatures, type ProjectFeature } from './map/project-layers';
import type { AppState } from './state/app-state';
import { applyFilters, normalise, type Filters } from './state/filters';
import type { Store } from './state/store';
import { writeUrl } from './state/url-state';
import { renderCitywide } from './ui/citywide-panel';
import { renderDetails, type Neighbour } from './ui/details';
import { h } from './ui/dom';
import { renderFilterPanel } from './ui/filter-panel';
import { renderLegend } from './ui/legend';
import { renderProjectList } from './ui/project-list';
import { renderStats } from './ui/stats-panel';

export interface AppData {
  projects: Project[];
  links: Link[];
  citywide: CitywideItem[];
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
  return all
    .filter((o) => o.id !== p.id)
    .map((o) => ({ project: o, km: distanceToGeometryKm(from, o.geometry) }))
    .sort((a, b) => a.km - b.km)
    .slice(0, n);
}

/**
 * Wires data → store → map layers and panels. Panels and the map only read state and call
 * `store.set`; nothing else writes it.
 */
export function startApp(data: AppData, store: Store<AppState>, view: MapView, dom: AppDom): void {
  const features: ProjectFeature[] = toFeatures(data.projects);
  const byId = new Map(data.projects.map((p) => [p.id, p]));
  const visible = new Float32Array(features.length);
  let filterVersion = 0;
  let lastCountyText = '';

  const tabs = h('div', { class: 'tabs', role: 'tablist' });
  const filterEl = h('div', { class: 'filters' });
  const listEl = h('div', { class: 'list' });
  const citywideEl = h('div', { class: 'citywide', role: 'tabpanel' });
  const statsEl = h('div', { class: 'stats', role: 'tabpanel' });
  const projectsPane = h('div', { class: 'projects-pane', role: 'tabpanel' }, filterEl, listEl);
  dom.sidebar.replaceChildren(tabs, projectsPane, citywideEl, statsEl);

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
    view.setLayers(buildProjectLayers(features, data.links, {
      themes: s.filters.themes, statuses: s.filters.statuses, kinds: s.filters.kinds,
      visible, filterVersion, selectedId: s.selectedId, hoveredId: s.hoveredId, scale: 1,
    }, (id) => store.get().hoveredId !== id && store.set({ hoveredId: id }), (id) => id && choose(id)));
  }

  function renderChrome(lang: Lang, s: AppState): void {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    dom.title.textContent = t(lang, 'title');
    dom.subtitle.textContent = t(lang, 'subtitle');
    document.title = `${t(lang, 'title')} · ${t(lang === 'zh' ? 'en' : 'zh', 'title')}`;
    dom.actions.replaceChildren(
      h('button', { type: 'button', id: 'lang-switch', 'aria-label': t(lang, 'languageLabel'), onClick: () => store.set({ lang: lang === 'zh' ? 'en' : 'zh' }) }, t(lang, 'language')),
    );
    tabs.replaceChildren(...(['projects', 'citywide', 'stats'] as const).map((tab) =>
      h('button', {
        type: 'button', role: 'tab', 'aria-selected': s.tab === tab ? 'true' : 'false', id: `tab-${tab}`,
        onClick: () => store.set({ tab }),
      }, t(lang, tab === 'projects' ? 'tabProjects' : tab === 'citywide' ? 'tabCitywide' : 'tabStats'))));
    renderLegend(dom.legend, lang);
    renderCitywide(citywideEl, data.citywide, lang);
  }

  function flyTo(p: Project): void {
    const [w, s, e, n] = bboxOf(p.geometry);
    if (w === e && s === n) view.map.flyTo({ center: [w, s], zoom: Math.max(view.map.getZoom(), 12.5), duration: 1200 });
    else view.map.fitBounds([[w, s], [e, n]], { padding: 80, maxZoom: 14, duration: 1200 });
  }

  function render(s: AppState, prev: AppState | null): void {
    const lang = s.lang;
    if (!prev || prev.lang !== lang || prev.tab !== s.tab) {
      renderChrome(lang, s);
      if (prev && prev.lang !== lang) view.setLanguage(lang);
    }
    projectsPane.hidden = s.tab !== 'projects';
    citywideEl.hidden = s.tab !== 'citywide';
    statsEl.hidden = s.tab !== 'stats';
    const shown = applyFilters(data.projects, s.filters);
    const listChanged = !prev || prev.filters !== s.filters || prev.lang !== lang || prev.selectedId !== s.selectedId;
    if (listChanged) {
      renderFilterPanel(filterEl, data.projects, s.filters, lang, setFilters);
      renderProjectList(listEl, shown, data.projects.length, s.selectedId, lang, {
        onChoose: (id) => (store.get().selectedId === id ? flyTo(byId.get(id)!) : choose(id)),
        onHover: (id) => store.set({ hoveredId: id }),
        onEscape: () => choose(null),
      });
      renderStats(statsEl, shown, lang);
    }
    const sel = s.selectedId ? byId.get(s.selectedId) ?? null : null;
    if (!prev || prev.selectedId !== s.selectedId || prev.lang !== lang) {
      renderDetails(dom.details, sel, sel ? nearestProjects(sel, data.projects) : [], lang, () => choose(null), choose);
      if (sel && prev && prev.selectedId !== s.selectedId) flyTo(sel);
    }
    if (!prev || prev.filters !== s.filters || prev.selectedId !== s.selectedId || prev.hoveredId !== s.hoveredId) renderLayers(s);
    document.body.dataset.shown = String(shown.length);
    history.replaceState(null, '', writeUrl(s));
    localStorage.setItem('jzmap.lang', lang);
  }

  view.map.on('moveend', () => {
    const m = view.map;
    const c = m.getCenter();
    store.set({ view: { center: [c.lng, c.lat], zoom: m.getZoom(), bearing: m.getBearing(), pitch: m.getPitch() } });
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && store.get().selectedId && !(e.target as HTMLElement).closest('.project-list')) choose(null);
  });
  store.subscribe((s, prev) => render(s, prev));
  render(store.get(), null);
}
