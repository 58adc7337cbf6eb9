import type * as maplibregl from 'maplibre-gl';
import type { DisplayTransform } from '../basemaps/display-crs';
import { OVERLAY_ANCHOR } from './basemap-style';
import type { ProjectFeature, ProjectFeatures } from './project-features';
import * as style from './project-style';

/*
 * The report's projects drawn by MapLibre itself, for the first view only.
 *
 * deck.gl (about 110 KiB of script, gzip, and three shader programs) cost a software-drawn first
 * view about as much again as the base map (see README, npm run bench). MapLibre draws the same
 * few dozen projects in the base map's first frames; deck.gl is fetched once the base map has
 * settled, draws the same layers (project-style.ts holds the looks of both) and this view is
 * removed. Until then a tap chooses a project and hovering names it here too.
 *
 * Areas and lines that look alike share a layer with constant paint. MapLibre compiles a shader
 * program per layer type and set of data-driven properties (0.1–0.4 s each in software WebGL, more
 * on a slow phone); constant paint is what the base map's fills, lines and dashed lines use, so
 * these reuse its programs, and only the points (one circle layer) add one. A hover or a filter
 * only changes a layer's properties or filter, never the source.
 */

const SOURCE = 'fv-projects';
const PREFIX = 'fv-';
/**
 * MapLibre re-tiles a GeoJSON source in its worker on every change: past a few thousand features
 * (the benchmark's synthetic sets) that costs more than it saves, and deck.gl draws them alone.
 */
export const FIRST_VIEW_MAX_FEATURES = 2000;

/** MapLibre's default simplification tolerance of a GeoJSON source, in pixels of its tiles. */
const DEFAULT_TOLERANCE = 0.375;
/**
 * The first view's source is tiled this many zoom levels below the opening view's: on a laptop a
 * quarter as many tiles (each layer is drawn once per tile in every frame; 261 draws in the first
 * view's last frame instead of 321, against 199 for the bare base map). Its tolerance shrinks by as
 * much, so at the opening zoom its lines are as exact as a source tiled at that zoom; zoomed further
 * in, they coarsen, for the second or so until deck.gl draws the projects (see `detail`).
 */
const COARSER_BY = 2;

/** The first view's source options for a map opening at `zoom`. */
export function firstViewTiling(zoom: number): { maxzoom: number; tolerance: number } {
  const at = Math.max(0, Math.floor(zoom));
  const maxzoom = Math.max(0, at - COARSER_BY);
  return { maxzoom, tolerance: DEFAULT_TOLERANCE / 2 ** (at - maxzoom) };
}

/** The first view's layers now on `map`, bottom to top (none once it is removed). */
function firstViewLayerIds(map: maplibregl.Map): string[] {
  return map.getLayersOrder().filter((id) => id.startsWith(PREFIX));
}

/**
 * Ids of the projects the first view draws in `box` (the whole view if none), topmost first, or
 * null when the first view is not on the map (deck.gl has taken over).
 */
export function firstViewIdsAt(map: maplibregl.Map, box?: [maplibregl.PointLike, maplibregl.PointLike]): string[] | null {
  const layers = firstViewLayerIds(map);
  if (!layers.length) return null;
  const hits = box ? map.queryRenderedFeatures(box, { layers }) : map.queryRenderedFeatures({ layers });
  return [...new Set(hits.map((f) => f.properties?.id as string | undefined).filter((id): id is string => Boolean(id)))];
}

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
  /** Re-tiles it at MapLibre's full detail, for a first view that stays (deck.gl could not be loaded). */
  detail(): void;
  /** Takes its layers and listeners off the map, for good (deck.gl has drawn the projects). */
  remove(): void;
}

const css = ([r, g, b, a]: style.Rgba) => `rgba(${r},${g},${b},${(a / 255).toFixed(3)})`;
type Paint = Record<string, unknown>;
type Spec = maplibregl.FillLayerSpecification | maplibregl.LineLayerSpecification | maplibregl.CircleLayerSpecification;
/** A layer's looks without its id, source, filter and visibility. */
type Looks = { type: 'fill' | 'line'; paint: Paint; layout: Paint };
type Block = 'area' | 'outline' | 'line';

/** How one feature of a block looks at an emphasis and presentation scale. */
const LOOKS: Record<Block, (f: ProjectFeature, emphasis: number, scale: number) => Looks> = {
  area: (f, e) => ({ type: 'fill', paint: { 'fill-color': css(style.areaFill(f.properties, e)) }, layout: {} }),
  outline: (f, e, scale) => ({
    type: 'line', layout: {},
    paint: { 'line-color': css(style.areaOutline(f.properties)), 'line-width': style.areaOutlineWidth(e) * scale, ...dash(f) },
  }),
  line: (f, e, scale) => {
    const p = f.properties;
    const w = style.lineWidth(e) * scale;
    return {
      type: 'line',
      layout: style.dashOf(p)[0] ? {} : { 'line-cap': 'round', 'line-join': 'round' },
      // deck.gl offsets a path in widths, positive to its left (PathStyleExtension); MapLibre in pixels, positive to the right.
      paint: { 'line-color': css(style.lineColour(p)), 'line-width': w, 'line-offset': -p.offset * w, ...dash(f) },
    };
  },
};
function dash(f: ProjectFeature): Paint {
  const d = style.dashOf(f.properties);
  return d[0] ? { 'line-dasharray': d } : {};
}

/**
 * The features of one block that look alike (plain, at scale 1) share a layer: every layer is
 * drawn for every tile in every frame, and one per feature (56 for the report) cost a throttled
 * phone's first view ~0.2 s (issue 11). Groups keep the order of their first feature (areas come
 * largest first, as deck.gl draws them).
 */
interface Group { id: string; block: Block; members: ProjectFeature[] }
function groupsOf(features: ProjectFeatures): Group[] {
  const groups: Group[] = [];
  for (const [block, list] of [['area', features.areas], ['outline', features.areas], ['line', features.lines]] as const) {
    const byLooks = new Map<string, Group>();
    for (const f of list) {
      const key = JSON.stringify(LOOKS[block](f, 0, 1));
      let g = byLooks.get(key);
      if (!g) {
        g = { id: `${PREFIX}${block}-${byLooks.size}`, block, members: [] };
        byLooks.set(key, g);
        groups.push(g);
      }
      g.members.push(f);
    }
  }
  return groups;
}

const NOTHING: maplibregl.ExpressionSpecification = ['==', ['get', 'i'], -1];
const inIndices = (fs: ProjectFeature[]): maplibregl.ExpressionSpecification => ['in', ['get', 'i'], ['literal', fs.map((f) => f.properties.filterIndex)]];

/**
 * The layers for one state, bottom to top: links, area fills, area outlines, lines, points. Each
 * block ends with two layers of its own for the hovered and the chosen feature, drawn again over
 * its group in its emphasised looks; the ids never change, so a new state only sets properties.
 */
function layerSpecs(features: ProjectFeatures, groups: Group[], s: FirstViewState): Spec[] {
  const shown = (f: ProjectFeature) => s.shown?.has(f.properties.id) ?? false;
  const specs: Spec[] = [{
    id: `${PREFIX}links`, type: 'line', source: SOURCE, filter: ['==', ['get', 'kind'], 'link'],
    layout: { visibility: s.shown ? 'visible' : 'none' },
    paint: { 'line-color': css(style.LINK.colour), 'line-width': style.LINK.width * s.scale, 'line-dasharray': style.LINK.dash },
  }];
  const layer = (id: string, looks: Looks, filter: maplibregl.ExpressionSpecification, visible: boolean): Spec =>
    ({ id, type: looks.type, source: SOURCE, filter, layout: { ...looks.layout, visibility: visible ? 'visible' : 'none' }, paint: looks.paint }) as Spec;
  for (const block of ['area', 'outline', 'line'] as const) {
    for (const g of groups.filter((x) => x.block === block)) {
      const on = g.members.filter(shown);
      specs.push(layer(g.id, LOOKS[block](g.members[0], 0, s.scale), on.length ? inIndices(on) : NOTHING, on.length > 0));
    }
    const members = block === 'line' ? features.lines : features.areas;
    for (const [which, id, emphasis] of [['hovered', s.hoveredId, 1], ['chosen', s.selectedId, 2]] as const) {
      const f = id ? members.find((m) => m.properties.id === id && shown(m)) : undefined;
      const lyr = `${PREFIX}${block}-${which}`;
      specs.push(f ? layer(lyr, LOOKS[block](f, emphasis, s.scale), inIndices([f]), true) : layer(lyr, { type: block === 'area' ? 'fill' : 'line', paint: {}, layout: {} }, NOTHING, false));
    }
  }
  // The points share one layer: their looks are read from the source, their size from the choice.
  const radius = (e: number) => style.pointRadius(e) * s.scale;
  const ids = (id: string | null) => (id ? [id] : ['']);
  specs.push({
    id: `${PREFIX}points`, type: 'circle', source: SOURCE,
    filter: ['all', ['==', ['get', 'kind'], 'point'], ['in', ['get', 'id'], ['literal', features.points.filter((f) => s.shown?.has(f.properties.id)).map((f) => f.properties.id)]]],
    paint: {
      'circle-color': ['get', 'fill'], 'circle-stroke-color': ['get', 'line'], 'circle-stroke-width': ['*', ['get', 'w'], s.scale],
      'circle-radius': ['case', ['in', ['get', 'id'], ['literal', ids(s.selectedId)]], radius(2), ['in', ['get', 'id'], ['literal', ids(s.hoveredId)]], radius(1), radius(0)],
    },
  });
  return specs;
}

/**
 * The first view's layers for a state, as MapLibre layer specifications (the source is
 * `fv-projects`). They are added without MapLibre's run-time validation (most of what adding a
 * layer costs): tests/unit/first-view.test.ts validates them against the style spec instead.
 */
export function firstViewLayers(features: ProjectFeatures, s: FirstViewState): Spec[] {
  return layerSpecs(features, groupsOf(features), s);
}

/** The source's features: the geometry as shown, with what the layers filter on and the points' looks. */
function sourceData(features: ProjectFeatures, display: DisplayTransform): GeoJSON.FeatureCollection {
  const out: GeoJSON.Feature[] = display.features(features.links).map((f) => ({ type: 'Feature', geometry: f.geometry, properties: { kind: 'link' } }));
  for (const f of [...display.features(features.areas), ...display.features(features.lines)]) {
    out.push({ type: 'Feature', geometry: f.geometry, properties: { id: f.properties.id, i: f.properties.filterIndex } });
  }
  for (const f of display.features(features.points)) {
    const p = f.properties;
    out.push({ type: 'Feature', geometry: f.geometry, properties: { id: p.id, kind: 'point', fill: css(style.pointFill(p)), line: css(style.pointOutline(p)), w: style.pointOutlineWidth(p) } });
  }
  return { type: 'FeatureCollection', features: out };
}

/** The first view of `features` on `map`. Picks call back with a project's id (null: none under the pointer). */
export function createFirstView(
  map: maplibregl.Map,
  features: ProjectFeatures,
  onHover: (id: string | null) => void,
  onClick: (id: string) => void,
): FirstView {
  let display: DisplayTransform | null = null;
  let data: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };
  let specs: Spec[] = [];
  const groups = groupsOf(features);
  let removed = false;
  let full = false;
  let hovered: string | null = null;
  // Where the project layers go: under the base map's labels, as deck.gl's.
  const before = () => (map.getLayer(OVERLAY_ANCHOR) ? OVERLAY_ANCHOR : undefined);

  // A new style (language, another base map) drops the source and layers: they go back in.
  function ensure(): void {
    if (removed || map.getSource(SOURCE)) return;
    try {
      map.addSource(SOURCE, { type: 'geojson', data, ...(full ? {} : firstViewTiling(map.getZoom())) });
    } catch {
      return; // the style is not parsed yet: its 'styledata' comes back here
    }
    addLayers(specs);
  }
  /**
   * Adds layers unvalidated (see firstViewLayers); the last through map.addLayer, which also tells
   * the map its style changed.
   */
  function addLayers(list: Spec[]): void {
    list.forEach((l, i) => (i < list.length - 1 ? map.style.addLayer(l, before(), { validate: false }) : map.addLayer(l, before())));
  }
  /** Applies a new set of specs: same ids in the same order, so only changed properties are set. */
  function apply(next: Spec[]): void {
    const prev = new Map(specs.map((l) => [l.id, l]));
    specs = next;
    if (!map.getSource(SOURCE)) return; // ensure() adds them as they are now
    for (const l of next) {
      const old = prev.get(l.id);
      if (!old || !map.getLayer(l.id)) {
        addLayers([l]);
        continue;
      }
      // A key the new looks lack is set back to MapLibre's default (undefined).
      const diff = (kind: 'paint' | 'layout', set: (k: string, v: unknown) => void) => {
        const a = (old as { paint?: Paint; layout?: Paint })[kind] ?? {};
        const b = (l as { paint?: Paint; layout?: Paint })[kind] ?? {};
        for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) set(k, b[k]);
      };
      diff('paint', (k, v) => map.setPaintProperty(l.id, k as never, v as never));
      diff('layout', (k, v) => map.setLayoutProperty(l.id, k as never, v as never));
      if (JSON.stringify(l.filter) !== JSON.stringify(old.filter)) map.setFilter(l.id, l.filter);
    }
  }
  /** Takes the layers, then their source, off the map (MapLibre refuses a source still in use). */
  function takeOff(): void {
    for (const id of firstViewLayerIds(map)) map.removeLayer(id);
    if (map.getSource(SOURCE)) map.removeSource(SOURCE);
  }
  // A few pixels around the point, as deck.gl's pick radius, so a finger finds a small marker.
  const pickAt = (p: maplibregl.Point): string | null => firstViewIdsAt(map, [[p.x - 3, p.y - 3], [p.x + 3, p.y + 3]])?.[0] ?? null;
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

  return {
    render(s) {
      if (removed) return;
      if (s.display !== display) {
        display = s.display;
        data = sourceData(features, s.display);
        (map.getSource(SOURCE) as maplibregl.GeoJSONSource | undefined)?.setData(data);
      }
      apply(layerSpecs(features, groups, s));
      ensure();
    },
    detail() {
      if (removed || full) return;
      full = true;
      // A source's tiling is fixed when it is added: the layers and source go back in anew.
      takeOff();
      ensure();
    },
    remove() {
      if (removed) return;
      removed = true;
      map.off('styledata', ensure);
      map.off('click', click);
      map.off('mousemove', move);
      takeOff();
      if (hovered) map.getCanvas().style.cursor = '';
    },
  };
}
