import type { Project } from '../data/projects';
import { t } from '../i18n';
import type { MapView } from '../map/map-view';
import type { Place } from '../near/gazetteer';
import { importsOf } from '../datasets/filtered';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import { guardPanelWhen } from '../reliability/faults';
import { lazyPart } from '../reliability/lazy-part';

export interface NearMode {
  /** Renders the panel (once its code is in; nothing before anyone asks for near-me). */
  render(s: AppState): void;
  /** True while the next map tap chooses the place (map clicks must not select projects then). */
  picking(): boolean;
}

/** Near me: choosing a place (geolocation, a map tap, the gazetteer) and listing what is around it. */
export function createNearMode(
  el: HTMLElement,
  view: MapView | null,
  store: Store<AppState>,
  data: { projects: Project[]; places: GeoJSON.FeatureCollection; outline: GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon> },
  choose: (id: string) => void,
): NearMode {
  // The panel, the place search and geolocation are fetched when near-me is first used.
  const code = lazyPart('附近 Near me', async () => {
    const [{ buildGazetteer }, { locate, LocateError }, { importedWithin }, { kmOutside, projectsWithin }, { renderNearPanel }] = await Promise.all([
      import('../near/gazetteer'), import('../near/locate'), import('../near/near-imported'), import('../near/within'), import('../ui/near-panel'),
    ]);
    return { locate, LocateError, importedWithin, kmOutside, projectsWithin, renderNearPanel, gazetteer: buildGazetteer(data.places, data.projects, [111.2, 29.2, 114.3, 31.0]) };
  });
  let asked = false;
  let picking = false;
  const setPicking = (on: boolean) => {
    picking = on;
    if (view) view.map.getCanvas().style.cursor = on ? 'crosshair' : '';
  };
  const setNear = (center: [number, number], label: string) =>
    store.set((st) => ({ near: { center, radiusKm: st.near?.radiusKm ?? 5, label }, nearError: null, tab: 'near' }));

  view?.map.on('click', (e) => {
    if (!picking) return;
    setPicking(false);
    // The tap is where the base map shows it; the place is kept in WGS-84.
    setNear(view.display.fromDisplay([e.lngLat.lng, e.lngLat.lat]), t(store.get().lang, 'nearHere'));
  });

  function render(s: AppState): void {
    asked ||= s.near !== null || s.tab === 'near';
    if (!asked) return;
    // Drawn from the state when the code is in (the newest, if it changed meanwhile).
    guardPanelWhen(el, 'near', s.lang, code(), (m) => draw(m, store.get()));
  }

  function draw(m: Awaited<ReturnType<typeof code>>, s: AppState): void {
    const report = s.datasets.find((d) => d.kind === 'report');
    const nearby = s.near ? m.projectsWithin(s.near.center, s.near.radiusKm, report && !report.visible ? [] : data.projects) : null;
    const imported = s.near ? m.importedWithin(s.near.center, s.near.radiusKm, importsOf(s.datasets).filter((d) => d.visible)) : null;
    const outsideKm = s.near ? m.kmOutside(s.near.center, data.outline) : 0;
    document.body.dataset.nearCount = nearby ? String(nearby.length) : '';
    m.renderNearPanel(el, s, { nearby, imported, outsideKm, picking }, m.gazetteer, s.lang, {
      onLocate: () => {
        store.set({ nearError: null });
        m.locate().then(
          (pt) => setNear(pt, t(store.get().lang, 'myLocation')),
          (e) => store.set({ nearError: e instanceof m.LocateError ? e.failure : 'unavailable' }),
        );
      },
      onPick: () => {
        setPicking(!picking);
        draw(m, store.get());
      },
      onPlace: (p: Place) => setNear(p.at, p.name),
      onRadius: (r) => store.set((st) => ({ near: st.near ? { ...st.near, radiusKm: r } : null })),
      onClear: () => store.set({ near: null, nearError: null }),
      onChoose: choose,
    });
  }
  return { render, picking: () => picking };
}
