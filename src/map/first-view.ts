import type * as maplibregl from 'maplibre-gl';
import type { DisplayTransform } from '../basemaps/display-crs';
import { OVERLAY_ANCHOR } from './basemap-style';
import type { ProjectFeature, ProjectFeatures } from './project-features';
import * as style from './project-style';

/*
 * The report's projects drawn by MapLibre itself, for the first view only.
 *
 * deck.gl (about 280 KiB of script, gzip) and its three project shader programs cost a
 * software-drawn first view about as much again as the base map (see README, npm run bench).
 * MapLibre draws the same few dozen projects with the programs it has anyway, in the base map's
 * first frames; deck.gl is fetched once the base map has settled, draws the same layers
 * (project-style.ts holds the looks of both) and this view is removed. Until then a tap chooses
 * a project and hovering names it here, as deck.gl's layers do afterwards.
 */

/** The MapLibre layers of the first view, bottom to top. */
export const FIRST_VIEW_LAYER_IDS = ['fv-links', 'fv-areas', 'fv-area-outlines', 'fv-area-outlines-dashed', 'fv-lines', 'fv-lines-dashed', 'fv-points'];
const SOURCE = 'fv-projects';
/**
 * MapLibre re-tiles a GeoJSON source in its worker on every change: past a few thousand features
 * (the benchmark's synthetic sets) that costs more than it saves, and deck.gl draws them alone.
 */
export const FIRST_VIEW_MAX_FEATURES = 2000;

export interface FirstViewState {
  /** Ids of the projects that pass the filters; null when the report's layer is hidden. */
  shown: ReadonlySet<string> | null;
  selectedId: string | null;
  hoveredId: string | null;
  /** Presentation mode's symbol scale (1 at a desk). */
  scale: number;
  display: DisplayTransform;
}

export interface FirstView {
  render(state: FirstViewState): void;
  /** Ids of the projects drawn anywhere in the view. */
  pickAll(): string[];
  /** Takes its layers and listeners off the map, for good (deck.gl has drawn the projects). */
  remove(): void;
}

const css = ([r, g, b, a]: style.Rgba) => `rgba(${r},${g},${b},${(a / 255).toFixed(3)})`;
const kind = (k: string): maplibregl.ExpressionSpecification => ['==', ['get', 'kind'], k];
const dashed = (d: 0 | 1): maplibregl.ExpressionSpecification => ['==', ['get', 'dash'], d];

function layers(): maplibregl.LayerSpecification[] {
  // Every line layer has the same data-driven properties, so they share one program (and the
  // dashed ones one more): MapLibre compiles a program per layer type and set of data-driven
  // properties, each about 0.05–0.15 s in software WebGL. The fill's antialiasing outline would be
  // another program; the outlines are line layers anyway.
  const line: maplibregl.LineLayerSpecification['paint'] = { 'line-color': ['get', 'line'], 'line-width': ['get', 'w'], 'line-offset': ['get', 'offset'] };
  return [
    { id: 'fv-links', type: 'line', source: SOURCE, filter: kind('link'), paint: { ...line, 'line-dasharray': style.LINK.dash } },
    { id: 'fv-areas', type: 'fill', source: SOURCE, filter: kind('area'), paint: { 'fill-color': ['get', 'fill'], 'fill-antialias': false } },
    { id: 'fv-area-outlines', type: 'line', source: SOURCE, filter: ['all', kind('area'), dashed(0)], paint: line },
    { id: 'fv-area-outlines-dashed', type: 'line', source: SOURCE, filter: ['all', kind('area'), dashed(1)], paint: { ...line, 'line-dasharray': [4, 3] } },
    { id: 'fv-lines', type: 'line', source: SOURCE, filter: ['all', kind('line'), dashed(0)], layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: line },
    { id: 'fv-lines-dashed', type: 'line', source: SOURCE, filter: ['all', kind('line'), dashed(1)], paint: { ...line, 'line-dasharray': [4, 3] } },
    {
      id: 'fv-points', type: 'circle', source: SOURCE, filter: kind('point'),
      paint: { 'circle-radius': ['get', 'r'], 'circle-color': ['get', 'fill'], 'circle-stroke-color': ['get', 'line'], 'circle-stroke-width': ['get', 'w'] },
    },
  ];
}

/** One feature of the source: the geometry as shown and its looks worked out (MapLibre only reads them). */
function drawn(f: GeoJSON.Feature, props: Record<string, string | number>): GeoJSON.Feature {
  return { type: 'Feature', geometry: f.geometry, properties: props };
}

/** The first view of `features` on `map`. Picks call back with a project's id (null: none under the pointer). */
export function createFirstView(
  map: maplibregl.Map,
  features: ProjectFeatures,
  onHover: (id: string | null) => void,
  onClick: (id: string) => void,
): FirstView {
  let data: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };
  let removed = false;
  let hovered: string | null = null;

  // A new style (language, another base map) drops the source and layers: they go back in.
  function ensure(): void {
    if (removed || map.getSource(SOURCE)) return;
    try {
      map.addSource(SOURCE, { type: 'geojson', data });
    } catch {
      return; // the style is not parsed yet: its 'styledata' comes back here
    }
    const before = map.getLayer(OVERLAY_ANCHOR) ? OVERLAY_ANCHOR : undefined;
    for (const l of layers()) map.addLayer(l, before);
  }
  const present = () => FIRST_VIEW_LAYER_IDS.filter((id) => map.getLayer(id));
  const pickAt = (p: maplibregl.Point): string | null => {
    const ids = present();
    if (!ids.length) return null;
    // A few pixels around the point, as deck.gl's pick radius, so a finger finds a small marker.
    const hit = map.queryRenderedFeatures([[p.x - 3, p.y - 3], [p.x + 3, p.y + 3]], { layers: ids })[0];
    return (hit?.properties?.id as string | undefined) ?? null;
  };
  const click = (e: maplibregl.MapMouseEvent) => {
    const id = pickAt(e.point);
    if (id) onClick(id);
  };
  const move = (e: maplibregl.MapMouseEvent) => {
    const id = pickAt(e.point);
    map.getCanvas().style.cursor = id ? 'pointer' : '';
    if (id === hovered) return;
    hovered = id;
    onHover(id);
  };
  map.on('styledata', ensure);
  map.on('click', click);
  map.on('mousemove', move);
  ensure();

  return {
    render(s) {
      if (removed) return;
      const out: GeoJSON.Feature[] = [];
      const emphasis = (id: string) => (id === s.selectedId ? 2 : id === s.hoveredId ? 1 : 0);
      const shown = (list: ProjectFeature[]) => (s.shown ? s.display.features(list).filter((f) => s.shown!.has(f.properties.id)) : []);
      if (s.shown) {
        for (const f of s.display.features(features.links)) out.push(drawn(f, { kind: 'link', line: css(style.LINK.colour), w: style.LINK.width * s.scale, offset: 0 }));
      }
      for (const f of shown(features.areas)) {
        const p = f.properties;
        out.push(drawn(f, {
          id: p.id, kind: 'area', dash: style.dashOf(p)[0] ? 1 : 0,
          fill: css(style.areaFill(p, emphasis(p.id))), line: css(style.areaOutline(p)), w: style.areaOutlineWidth(emphasis(p.id)) * s.scale, offset: 0,
        }));
      }
      for (const f of shown(features.lines)) {
        const p = f.properties;
        const w = style.lineWidth(emphasis(p.id)) * s.scale;
        // deck.gl offsets a path in widths, positive to its left (PathStyleExtension); MapLibre in pixels, positive to the right.
        out.push(drawn(f, { id: p.id, kind: 'line', dash: style.dashOf(p)[0] ? 1 : 0, line: css(style.lineColour(p)), w, offset: -p.offset * w }));
      }
      for (const f of shown(features.points)) {
        const p = f.properties;
        out.push(drawn(f, {
          id: p.id, kind: 'point', fill: css(style.pointFill(p)), line: css(style.pointOutline(p)),
          w: style.pointOutlineWidth(p) * s.scale, r: style.pointRadius(emphasis(p.id)) * s.scale,
        }));
      }
      data = { type: 'FeatureCollection', features: out };
      (map.getSource(SOURCE) as maplibregl.GeoJSONSource | undefined)?.setData(data);
    },
    pickAll() {
      const ids = present();
      if (!ids.length) return [];
      return [...new Set(map.queryRenderedFeatures({ layers: ids }).map((f) => f.properties?.id as string | undefined).filter((id): id is string => Boolean(id)))];
    },
    remove() {
      if (removed) return;
      removed = true;
      map.off('styledata', ensure);
      map.off('click', click);
      map.off('mousemove', move);
      for (const id of present()) map.removeLayer(id);
      if (map.getSource(SOURCE)) map.removeSource(SOURCE);
      if (hovered) map.getCanvas().style.cursor = '';
    },
  };
}
