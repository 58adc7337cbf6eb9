import type { Project } from '../data/projects';
import { bboxOf } from '../geo/measure';
import type { MapView } from '../map/map-view';
import { radiusCircle } from '../near/near';
import type { NearState } from '../state/app-state';
import { mapPadding } from './map-padding';
import { importsOf } from '../datasets/filtered';
import { parseFeatureId, type Dataset } from '../datasets/types';

export { mapPadding as padding } from './map-padding';

export type Padding = ReturnType<typeof mapPadding>;

/** A point is framed with its ring of uncertainty (precision_m) in view, so a marker that only stands for an area is seen as one. */
export function flyToProject(view: MapView, p: Project, pad: Padding): void {
  const geometry = p.geometry.type === 'Point' ? radiusCircle(p.geometry.coordinates as [number, number], p.precision_m / 1000).geometry : p.geometry;
  const [w, s, e, n] = bboxOf(geometry);
  view.map.fitBounds(view.display.bounds([[w, s], [e, n]]), { padding: pad, maxZoom: p.geometry.type === 'Point' ? 12 : 14, duration: 1200 });
}

/** An imported feature: its geometry's extent, or its point with its precision ring. */
export function flyToImported(view: MapView, at: [number, number], geometry: GeoJSON.Geometry | null, precisionM: number, pad: Padding): void {
  const g = geometry ?? radiusCircle(at, Math.max(precisionM, 300) / 1000).geometry;
  const [w, s, e, n] = bboxOf(g);
  view.map.fitBounds(view.display.bounds([[w, s], [e, n]]), { padding: pad, maxZoom: 15, duration: 1000 });
}

/** Any feature by its id: a report project (`id`) or an imported row (`dataset#index`). */
export function flyToFeature(view: MapView, id: string, byId: ReadonlyMap<string, Project>, datasets: readonly Dataset[], pad: Padding): void {
  const ref = parseFeatureId(id);
  if (!ref) {
    const p = byId.get(id);
    if (p) flyToProject(view, p, pad);
    return;
  }
  const d = importsOf(datasets).find((x) => x.id === ref.datasetId);
  if (!d || ref.index >= d.data.count) return;
  const at: [number, number] = [d.data.positions[ref.index * 2], d.data.positions[ref.index * 2 + 1]];
  flyToImported(view, at, d.data.geometries?.[ref.index] ?? null, d.data.precision_m[ref.index], pad);
}

/** Fits a set of WGS-84 positions (interleaved lon, lat). */
export function fitPositions(view: MapView, positions: Float64Array, pad: Padding): void {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (let i = 0; i < positions.length; i += 2) {
    const x = positions[i], y = positions[i + 1];
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  }
  if (!Number.isFinite(w)) return;
  // Keep inside the map's bounds: a stray far-away row must not zoom the map out to nothing.
  w = Math.max(w, 108.6); e = Math.min(e, 116.4); s = Math.max(s, 27.6); n = Math.min(n, 32.4);
  if (w > e || s > n) return;
  view.map.fitBounds(view.display.bounds([[w, s], [e, n]]), { padding: pad, maxZoom: 14, duration: 800 });
}

export function fitNear(view: MapView, near: NearState, pad: Padding): void {
  const [w, s, e, n] = bboxOf(radiusCircle(near.center, near.radiusKm).geometry);
  view.map.fitBounds(view.display.bounds([[w, s], [e, n]]), { padding: pad, duration: 800 });
}
