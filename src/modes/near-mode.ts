import type { Project } from '../data/projects';
import { t } from '../i18n';
import type { MapView } from '../map/map-view';
import { buildGazetteer, type Place } from '../near/gazetteer';
import { locate, LocateError } from '../near/locate';
import { kmOutside, projectsWithin } from '../near/near';
import { importedWithin } from '../near/near-imported';
import { importsOf } from '../datasets/filtered';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import { renderNearPanel } from '../ui/near-panel';

export interface NearMode {
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
  const gazetteer = buildGazetteer(data.places, data.projects, [111.2, 29.2, 114.3, 31.0]);
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
    const report = s.datasets.find((d) => d.kind === 'report');
    const nearby = s.near ? projectsWithin(s.near.center, s.near.radiusKm, report && !report.visible ? [] : data.projects) : null;
    const imported = s.near ? importedWithin(s.near.center, s.near.radiusKm, importsOf(s.datasets).filter((d) => d.visible)) : null;
    const outsideKm = s.near ? kmOutside(s.near.center, data.outline) : 0;
    document.body.dataset.nearCount = nearby ? String(nearby.length) : '';
    renderNearPanel(el, s, { nearby, imported, outsideKm, picking }, gazetteer, s.lang, {
      onLocate: () => {
        store.set({ nearError: null });
        locate().then(
          (pt) => setNear(pt, t(store.get().lang, 'myLocation')),
          (e) => store.set({ nearError: e instanceof LocateError ? e.failure : 'unavailable' }),
        );
      },
      onPick: () => {
        setPicking(!picking);
        render(store.get());
      },
      onPlace: (p: Place) => setNear(p.at, p.name),
      onRadius: (r) => store.set((st) => ({ near: st.near ? { ...st.near, radiusKm: r } : null })),
      onClear: () => store.set({ near: null, nearError: null }),
      onChoose: choose,
    });
  }
  return { render, picking: () => picking };
}
