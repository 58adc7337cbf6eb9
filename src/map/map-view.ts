import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Layer } from '@deck.gl/core';
import type { StyleSpecification } from 'maplibre-gl';
import { IDENTITY, type DisplayTransform } from '../basemaps/display-crs';
// deck.gl's own WebGL layer (a dependency of @deck.gl/core): used only to resynchronise its state cache.
import { getGLParameters } from '@luma.gl/webgl';
import type { BaseMapData } from '../data/basemap';
import { buildBaseStyle, type LabelLanguage } from './basemap-style';
import { JINGZHOU_BOUNDS } from './bounds';

/** Where the project layers come from; the base map's sources carry their own attribution. */
export const PROJECTS_ATTRIBUTION = '项目 Projects: 荆州市2021年政府工作报告 · 2021 government work report';

maplibregl.setWorkerUrl(workerUrl);


/** Makes a base map's style for a label language and text scale (called again when either changes). */
export type BaseStyleBuilder = (lang: LabelLanguage, textScale: number) => StyleSpecification;


export interface MapView {
  map: maplibregl.Map;
  /**
   * How overlays are drawn on the base map now shown: every layer's positions go through it, and
   * positions read off the map (clicks, the camera) come back through `fromDisplay`. The identity
   * for the embedded map and WGS-84 street maps.
   */
  readonly display: DisplayTransform;
  /**
   * Shows another base map (null: the embedded one), keeping the same place in the middle of the
   * view. `credit` is the attribution its licence requires, shown unfolded.
   */
  setBaseMap(build: BaseStyleBuilder | null, display: DisplayTransform, credit: string | null): void;
  setLayers(layers: Layer[]): void;
  /** The deck.gl layers last set, for drawing the same map elsewhere (exports clone them). */
  layers(): Layer[];
  setLanguage(lang: LabelLanguage, textScale?: number): void;
  whenIdle(): Promise<void>;
  /**
   * Resolves after deck.gl has drawn a frame in which every layer named in `ids` was set, loaded
   * and its shader programs linked (a layer whose program is still compiling is skipped by luma.gl).
   */
  whenDrawn(ids: string[]): Promise<void>;
  /** Ids of the project features drawn anywhere in the view (filtered-out ones cannot be picked). */
  pickAll(): string[];
}

export interface MapViewOptions {
  container: HTMLElement;
  base: BaseMapData;
  lang: LabelLanguage;
  /** Accessible names of the controls, in the page's language. */
  labels: { zoomIn: string; zoomOut: string; compass: string; map: string };
  initialView?: { center: [number, number]; zoom: number; bearing?: number; pitch?: number };
  /** Padding of the first fit to Jingzhou (no initialView), so the map starts with its final camera. */
  fitPadding?: number | { top: number; bottom: number; left: number; right: number };
}

/** Creates the MapLibre map with the embedded base map and an interleaved deck.gl overlay. */
export function createMapView(opts: MapViewOptions): MapView {
  const map = new maplibregl.Map({
    container: opts.container,
    style: buildBaseStyle(opts.base, opts.lang),
    bounds: opts.initialView ? undefined : JINGZHOU_BOUNDS,
    center: opts.initialView?.center,
    zoom: opts.initialView?.zoom,
    bearing: opts.initialView?.bearing ?? 0,
    pitch: opts.initialView?.pitch ?? 0,
    fitBoundsOptions: { padding: opts.fitPadding ?? 16 },
    minZoom: 6,
    maxZoom: 17,
    maxBounds: [[108.5, 27.5], [116.5, 32.5]],
    attributionControl: false,
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  map.getCanvas().setAttribute('aria-label', opts.labels.map);

  const nav = new maplibregl.NavigationControl({ visualizePitch: true });
  map.addControl(nav, 'top-right');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');
  let attribution = new maplibregl.AttributionControl({ compact: true, customAttribution: PROJECTS_ATTRIBUTION });
  map.addControl(attribution, 'bottom-right');
  labelControls(opts.container, opts.labels);
  // Compact attribution starts folded, so it never covers the map on a phone.
  map.once('load', () => opts.container.querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show'));

  // Checks run after each deck.gl frame, for whenDrawn.
  const afterRender = new Set<() => void>();
  const newOverlay = (layers: Layer[]) => new MapLibreOverlay({ interleaved: true, layers, onAfterRender: () => afterRender.forEach((f) => f()) });
  let current: Layer[] = [];
  let overlay = newOverlay([]);
  map.addControl(overlay);
  // The layers are handed to deck.gl once the base map has first settled. Started together, deck.gl's
  // shader programs and MapLibre's first tiles and frames compete for the same cores and GPU
  // process: in software WebGL on two cores the first view took ~1.5 s longer that way than one after
  // the other (see README, npm run bench). The base map shows first, the projects just after.
  // A base map whose tiles never come never settles: the layers go in after 8 s whatever happens.
  let settled = false;
  const settle = () => {
    if (settled) return;
    settled = true;
    clearTimeout(backstop);
    overlay.setProps({ layers: current });
  };
  const backstop = setTimeout(settle, 8000);
  map.once('idle', settle);
  // After a lost WebGL context comes back, MapLibre redraws its own layers but deck.gl's device
  // (cached on the context) still holds buffers and programs of the lost context: a new overlay
  // on a new device, with fresh copies of the same layers, draws them again.
  // luma.gl's caches are reset in the capture phase, before MapLibre's own restore sets up its
  // painter through the same (hooked) context; the overlay is replaced after it.
  opts.container.addEventListener('webglcontextrestored', () => resetLumaCaches(map), { capture: true });
  map.on('webglcontextrestored', () => {
    overlay = recreateOverlay(map, overlay, () => newOverlay(current.map((l) => l.clone({}))));
  });
  // deck.gl's own click recognition (a tap on the shared canvas) stopped reaching the layers in
  // this set-up: hover still worked, clicks chose nothing (seen in Chromium with software WebGL).
  // MapLibre's click fires whenever the pointer did not travel, so it is dispatched to the layer
  // under it as well; a choice made twice is harmless (the store ignores an unchanged selection).
  map.on('click', (e) => {
    const info = overlay.pickObject({ x: e.point.x, y: e.point.y, radius: 3 });
    const onClick = info?.layer?.props.onClick;
    if (info && onClick) onClick(info, { srcEvent: e.originalEvent } as never);
  });
  // MapLibreOverlay does not expose its Deck; its layer manager is the only record of what was drawn.
  const layerManager = () => (overlay as unknown as { _deck?: { layerManager?: { getLayers(): Layer[] } } })._deck?.layerManager;
  const drawn = (ids: string[]): boolean => {
    const layers = layerManager()?.getLayers() ?? [];
    return ids.every((id) => {
      const top = layers.find((l) => l.id === id);
      if (!top || !top.isLoaded) return false;
      // The layer itself and its sublayers ("<id>-…"): every model's program must be linked.
      return layers
        .filter((l) => l.id === id || l.id.startsWith(`${id}-`))
        .every((l) => l.getModels().every((m) => m.pipeline.linkStatus === 'success'));
    });
  };

  const embedded: BaseStyleBuilder = (lang, textScale) => buildBaseStyle(opts.base, lang, textScale);
  let build = embedded;
  let label = { lang: opts.lang, textScale: 1 };
  let display = IDENTITY;

  return {
    map,
    get display() {
      return display;
    },
    setLayers(layers) {
      current = layers;
      if (settled) overlay.setProps({ layers });
    },
    layers: () => current,
    setLanguage(lang, textScale = 1) {
      label = { lang, textScale };
      map.setStyle(build(lang, textScale), { diff: true });
    },
    setBaseMap(next, nextDisplay, credit) {
      // The same real place stays in the middle: the camera moves by the difference of the shifts.
      const c = map.getCenter();
      const here = display.fromDisplay([c.lng, c.lat]);
      display = nextDisplay;
      build = next ?? embedded;
      map.setStyle(build(label.lang, label.textScale), { diff: false });
      map.jumpTo({ center: display.toDisplay(here) });
      map.removeControl(attribution);
      // A street map's credit is spelled out on wide screens; on a phone MapLibre folds it into its
      // (i) button (compact left undefined), as the long line covered the bottom of the map.
      attribution = new maplibregl.AttributionControl({ compact: credit === null ? true : undefined, customAttribution: credit ? [credit, PROJECTS_ATTRIBUTION] : PROJECTS_ATTRIBUTION });
      map.addControl(attribution, 'bottom-right');
      // The embedded map's credit starts folded again (MapLibre opens a new compact control).
      if (credit === null) map.once('styledata', () => opts.container.querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show'));
    },
    pickAll() {
      const c = map.getCanvas();
      const hits = overlay.pickObjects({ x: 0, y: 0, width: c.clientWidth, height: c.clientHeight, layerIds: ['project-areas', 'project-lines', 'project-points'] });
      return [...new Set(hits.map((h) => (h.object as { properties: { id: string } }).properties.id))];
    },
    whenDrawn: (ids) => new Promise((resolve) => {
      const check = () => {
        if (!drawn(ids)) return;
        afterRender.delete(check);
        resolve();
      };
      afterRender.add(check);
      map.triggerRepaint();
    }),
    whenIdle: () => new Promise((resolve) => (map.loaded() && !map.isMoving() ? resolve() : map.once('idle', () => resolve()))),
  };
}

function labelControls(container: HTMLElement, labels: MapViewOptions['labels']): void {
  const set = (sel: string, text: string) => {
    const el = container.querySelector(sel);
    if (!el) return;
    el.setAttribute('aria-label', text);
    el.setAttribute('title', text);
  };
  set('.maplibregl-ctrl-zoom-in', labels.zoomIn);
  set('.maplibregl-ctrl-zoom-out', labels.zoomOut);
  set('.maplibregl-ctrl-compass', labels.compass);
}

/** What luma.gl keeps on a WebGL context (its device, extensions and state cache), as far as we touch it. */
interface LumaContext extends WebGL2RenderingContext {
  luma?: { device?: { _moduleData?: Record<string, unknown> }; extensions?: Record<string, unknown> };
  lumaState?: { cache: Record<string, unknown> | null; stateStack: unknown[] };
}

/**
 * After a context restore. luma.gl keeps one device per WebGL context (`gl.luma`), and a new Deck
 * attached to the same context gets that device back, so its context-bound caches are dropped:
 * compiled programs (the device's module data), extension objects (re-fetched: the restored
 * context must enable them again) and the state cache, which hooks the context's state setters
 * and skips a call whose value it believes set — MapLibre's included — so it is re-read from the
 * fresh context. The device itself is kept: a second device would hook the setters twice.
 */
function resetLumaCaches(map: maplibregl.Map): void {
  const gl = map.getCanvas().getContext('webgl2') as LumaContext | null;
  if (gl?.luma) {
    if (gl.luma.device) gl.luma.device._moduleData = {};
    for (const name of Object.keys(gl.luma.extensions ?? {})) gl.luma.extensions![name] = gl.getExtension(name);
  }
  if (gl?.lumaState) {
    // Emptied, the cache is bypassed: reading every parameter it tracked refills it from the context.
    const tracked = Object.keys(gl.lumaState.cache ?? {});
    gl.lumaState.stateStack = [];
    gl.lumaState.cache = {};
    gl.lumaState.cache = getGLParameters(gl, tracked as unknown as Parameters<typeof getGLParameters>[1]) as Record<string, unknown>;
  }
}

/** Swaps in a new overlay (on the reset device) made by `make`: a layer instance belongs to the Deck that initialised it, so it holds fresh copies. */
function recreateOverlay(map: maplibregl.Map, old: MapLibreOverlay, make: () => MapLibreOverlay): MapLibreOverlay {
  try {
    map.removeControl(old);
  } catch {
    /* the old deck may fail to free what the lost context already freed */
  }
  const next = make();
  map.addControl(next);
  map.triggerRepaint();
  return next;
}
