import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { Layer } from '@deck.gl/core';
import type { StyleSpecification } from 'maplibre-gl';
import { IDENTITY, type DisplayTransform } from '../basemaps/display-crs';
import type { BaseMapSources } from '../data/basemap';
import { buildBaseStyle, type LabelLanguage } from './basemap-style';
import { JINGZHOU_BOUNDS } from './bounds';
import type { DeckOverlay } from './deck-overlay';
import { firstViewIdsAt } from './first-view';
import { PROJECT_LAYER_IDS } from './project-features';
import { backgroundTask } from '../background-task';

/** The deck.gl half of src/map (deck.ts), fetched after the first view. */
export type DeckModule = typeof import('./deck');

/** Where the project layers come from; the base map's sources carry their own attribution. */
export const PROJECTS_ATTRIBUTION = '项目 Projects: 荆州市2021年政府工作报告 · 2021 government work report';

maplibregl.setWorkerUrl(workerUrl);
// MapLibre's worker is started as this module loads, not by the map's constructor: it then boots
// while the page creates the map (~0.3 s on a throttled phone), and its first tiles come sooner
// (A/B of 8 phone loads each, twice: 2467 vs 2649 and 2549 vs 2727 ms to ready).
maplibregl.prewarm();


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
  /**
   * Resolves with the deck.gl half of src/map once deck.gl is on the map. It is fetched after the
   * base map first settles (the first view's projects are MapLibre's own, first-view.ts); a
   * failed fetch rejects.
   */
  deckReady(): Promise<DeckModule>;
  /** The deck.gl layers to draw (kept until deck.gl is on the map). */
  setLayers(layers: Layer[]): void;
  /** The deck.gl layers last set, for drawing the same map elsewhere (exports clone them). */
  layers(): Layer[];
  /** Resolves once deck.gl is on the map and has been given its layers (before that, `layers()` is empty). */
  whenLayers(): Promise<void>;
  setLanguage(lang: LabelLanguage, textScale?: number): void;
  /**
   * Resolves when the map is idle: at once if nothing was drawn since its last 'idle', else at the
   * next. (`loaded()` alone turns true when the last tiles arrive, a frame before they are drawn.)
   */
  whenIdle(): Promise<void>;
  /**
   * Resolves once the GPU has done everything asked of it so far, without blocking the page (a
   * fence polled between tasks). A software-drawn map's GPU work trails its idle event by seconds.
   */
  whenGpuDone(): Promise<void>;
  /**
   * Resolves after deck.gl has drawn a frame in which every layer named in `ids` was set, loaded
   * and its shader programs linked (a layer whose program is still compiling is skipped by luma.gl).
   */
  whenDrawn(ids: string[]): Promise<void>;
  /** Ids of the project features drawn anywhere in the view (filtered-out ones cannot be picked), by deck.gl or the first view. */
  pickAll(): string[];
}

export interface MapViewOptions {
  container: HTMLElement;
  /** The embedded base map's layers: data, or the URLs MapLibre's worker fetches them from. */
  base: BaseMapSources;
  lang: LabelLanguage;
  /** Accessible names of the controls, in the page's language. */
  labels: { zoomIn: string; zoomOut: string; compass: string; map: string };
  initialView?: { center: [number, number]; zoom: number; bearing?: number; pitch?: number };
  /** Padding of the first fit to Jingzhou (no initialView), so the map starts with its final camera. */
  fitPadding?: number | { top: number; bottom: number; left: number; right: number };
}

/** Creates the MapLibre map with the embedded base map; deck.gl is interleaved once the first view has settled. */
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
    // Labels appear at once instead of fading in over 0.3 s: every fade step repaints the whole
    // map, ~0.1 s a frame in software WebGL, and the map is not idle until the fade ends.
    fadeDuration: 0,
    // The drawing buffer is not kept after each frame is shown: keeping it makes the compositor copy
    // every frame instead of swapping, GPU work the bare MapLibre page does not have (~0.3 s of the
    // GPU process's CPU in a cold load in software WebGL). What reads the canvas (printing, the
    // tests' pixel checks) redraws it first and reads it in the same task (publish/print.ts).
    canvasContextAttributes: { preserveDrawingBuffer: false },
  });
  map.getCanvas().setAttribute('aria-label', opts.labels.map);

  // The controls are added in a task of their own once the map's first work is under way: adding
  // them (their layout and labels) held the map's first frame back ~60 ms on a throttled phone.
  let attribution = new maplibregl.AttributionControl({ compact: true, customAttribution: PROJECTS_ATTRIBUTION });
  // Registered through a fresh arrow each time: handing MapLibre this one function for both 'load'
  // and 'styledata' left the credit unfolded after a base-map switch (basemaps.test.ts caught it).
  const foldAttribution = () => opts.container.querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show');
  let controlsIn = false;
  void backgroundTask().then(() => {
    controlsIn = true;
    map.addControl(new maplibregl.NavigationControl({ visualizePitch: true }), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');
    map.addControl(attribution, 'bottom-right');
    labelControls(opts.container, opts.labels);
    // Compact attribution starts folded, so it never covers the map on a phone.
    foldAttribution();
    if (!map.loaded()) map.once('load', () => foldAttribution());
  });

  // Whether the map's last word was 'idle': a frame drawn since means it is not (yet) idle again.
  let idle = false;
  map.on('idle', () => (idle = true));
  map.on('render', () => (idle = false));

  let current: Layer[] = [];
  let deck: DeckOverlay | null = null;
  let layersGiven = () => {};
  const layersIn = new Promise<void>((resolve) => (layersGiven = resolve));
  // deck.gl is fetched and handed its layers once the base map has first settled. Started
  // together, deck.gl's script and shader programs and MapLibre's first tiles and frames compete
  // for the same cores and GPU process: in software WebGL on two cores the first view took ~1.5 s
  // longer that way than one after the other (see README, npm run bench). Meanwhile MapLibre
  // draws the projects itself (first-view.ts). A base map whose tiles never come never settles:
  // deck.gl comes after 8 s whatever happens.
  const ready = new Promise<DeckModule>((resolve, reject) => {
    let started = false;
    const start = () => {
      if (started) return;
      started = true;
      clearTimeout(backstop);
      import('./deck').then((mod) => {
        deck = mod.attachDeck(map, opts.container, current);
        resolve(mod);
      }, reject);
    };
    const backstop = setTimeout(start, 8000);
    // In the next task: the app's own 'idle' work (saying the first view is ready) comes first.
    map.once('idle', () => setTimeout(start, 0));
  });
  // deck.gl's own click recognition (a tap on the shared canvas) stopped reaching the layers in
  // this set-up: hover still worked, clicks chose nothing (seen in Chromium with software WebGL).
  // MapLibre's click fires whenever the pointer did not travel, so it is dispatched to the layer
  // under it as well; a choice made twice is harmless (the store ignores an unchanged selection).
  map.on('click', (e) => {
    const info = deck?.pickObject(e.point.x, e.point.y);
    const onClick = info?.layer?.props.onClick;
    if (info && onClick) onClick(info, { srcEvent: e.originalEvent } as never);
  });

  const embedded: BaseStyleBuilder = (lang, textScale) => buildBaseStyle(opts.base, lang, textScale);
  let build = embedded;
  let label = { lang: opts.lang, textScale: 1 };
  let display = IDENTITY;

  return {
    map,
    get display() {
      return display;
    },
    deckReady: () => ready,
    setLayers(layers) {
      current = layers;
      if (!deck) return;
      deck.setLayers(layers);
      layersGiven();
    },
    whenLayers: () => layersIn,
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
      if (controlsIn) map.removeControl(attribution);
      // A street map's credit is spelled out on wide screens; on a phone MapLibre folds it into its
      // (i) button (compact left undefined), as the long line covered the bottom of the map.
      attribution = new maplibregl.AttributionControl({ compact: credit === null ? true : undefined, customAttribution: credit ? [credit, PROJECTS_ATTRIBUTION] : PROJECTS_ATTRIBUTION });
      if (controlsIn) map.addControl(attribution, 'bottom-right');
      // The embedded map's credit starts folded again (MapLibre opens a new compact control).
      if (credit === null) map.once('styledata', () => foldAttribution());
    },
    pickAll() {
      const c = map.getCanvas();
      // Until deck.gl has drawn, the projects are MapLibre's first view.
      const first = firstViewIdsAt(map);
      if (first) return first;
      const hits = deck?.pickObjects(c.clientWidth, c.clientHeight, PROJECT_LAYER_IDS) ?? [];
      return [...new Set(hits.map((h) => (h.object as { properties: { id: string } }).properties.id))];
    },
    whenDrawn: (ids) => ready.then(() => new Promise((resolve) => {
      const d = deck!;
      const check = () => {
        if (!d.drawn(ids)) return;
        d.afterRender.delete(check);
        resolve();
      };
      d.afterRender.add(check);
      map.triggerRepaint();
    })),
    whenIdle: () => new Promise((resolve) => (idle && map.loaded() && !map.isMoving() ? resolve() : map.once('idle', () => resolve()))),
    whenGpuDone: () => new Promise((resolve) => {
      const gl = map.getCanvas().getContext('webgl2');
      const fence = gl?.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
      if (!gl || !fence) return resolve();
      gl.flush();
      const poll = () => {
        // A timeout of 0 only asks: WebGL never lets the page wait here.
        if (!gl.isContextLost() && gl.clientWaitSync(fence, 0, 0) === gl.TIMEOUT_EXPIRED) return void setTimeout(poll, 30);
        gl.deleteSync(fence);
        resolve();
      };
      poll();
    }),
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
