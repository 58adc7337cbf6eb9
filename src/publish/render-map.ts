import * as maplibregl from 'maplibre-gl';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Layer } from '@deck.gl/core';

export interface MapShot {
  canvas: HTMLCanvasElement;
  /** Output pixels per CSS pixel actually drawn (lower than asked if the GPU capped it). */
  pixelRatio: number;
  zoom: number;
  center: [number, number];
  bearing: number;
  /** [west, south, east, north] covered by the image. */
  bounds: [number, number, number, number];
  /** The largest canvas side the GPU draws, when it made the image smaller than asked. */
  cappedAt: number | null;
}

export interface MapShotRequest {
  /** Output size in pixels. */
  width: number;
  height: number;
  /** Output pixels per CSS pixel: sets how large labels and line widths come out. */
  pixelRatio: number;
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

/**
 * The largest drawing buffer this browser's WebGL can hold, queried once on a throwaway context:
 * software GL (SwiftShader) and phones are often limited to 4096 or 8192.
 */
export function glCanvasLimit(): number {
  const gl = document.createElement('canvas').getContext('webgl2') ?? document.createElement('canvas').getContext('webgl');
  if (!gl) return 4096;
  const dims = gl.getParameter(gl.MAX_VIEWPORT_DIMS) as Int32Array;
  const limit = Math.min(gl.getParameter(gl.MAX_RENDERBUFFER_SIZE) as number, gl.getParameter(gl.MAX_TEXTURE_SIZE) as number, dims[0], dims[1]);
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return limit;
}

interface Hidden {
  map: maplibregl.Map;
  overlay: MapLibreOverlay;
  container: HTMLDivElement;
}
/**
 * One hidden map, made on the first export and kept: removing a MapLibre map loses its WebGL
 * context, which software GL (SwiftShader) takes about a minute to do. Between exports it is
 * shrunk to a few pixels, so it holds no large buffers.
 */
let hidden: Hidden | null = null;

async function hiddenMap(live: maplibregl.Map, limit: number): Promise<Hidden> {
  if (hidden) {
    // Another base map or language since last time: the diff reloads only what changed.
    hidden.map.setStyle(live.getStyle(), { diff: true });
    return hidden;
  }
  const container = document.createElement('div');
  // Laid out (MapLibre reads its size) but off screen and hidden from assistive technology.
  container.setAttribute('aria-hidden', 'true');
  container.className = 'publish-offscreen-map';
  container.style.cssText = 'position:fixed;left:-20000px;top:0;width:4px;height:4px;visibility:hidden;pointer-events:none;';
  document.body.append(container);
  const map = new maplibregl.Map({
    container,
    style: live.getStyle(),
    interactive: false,
    attributionControl: false,
    fadeDuration: 0,
    maxCanvasSize: [limit, limit],
    // The live map's limits would move a view that fits the screen but not the page.
    minZoom: 0,
    maxZoom: 22,
    canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
  });
  await new Promise<void>((resolve, reject) => {
    map.once('load', () => resolve());
    map.once('error', (e) => reject(e.error ?? new Error('map error')));
  });
  const overlay = new MapLibreOverlay({ interleaved: true, layers: [] });
  map.addControl(overlay);
  hidden = { map, overlay, container };
  return hidden;
}

/**
 * Draws the live map again at print resolution on a hidden MapLibre map of the size asked: the
 * same style (so another base map and its sources follow) and clones of the same deck.gl layers
 * (the interleaved overlay draws them into MapLibre's canvas). Not an upscaled screen grab.
 * The hidden map keeps its drawing buffer, so the image is read after it has settled.
 */
export async function renderMap(live: maplibregl.Map, layers: Layer[], req: MapShotRequest): Promise<MapShot> {
  const limit = glCanvasLimit();
  // MapLibre lowers the pixel ratio itself when the canvas would exceed maxCanvasSize.
  const cssW = req.width / req.pixelRatio;
  const cssH = req.height / req.pixelRatio;
  const { map, overlay, container } = await hiddenMap(live, limit);
  try {
    container.style.width = `${cssW}px`;
    container.style.height = `${cssH}px`;
    map.setPixelRatio(req.pixelRatio);
    map.resize();
    map.jumpTo({ center: req.center, zoom: req.zoom, bearing: req.bearing, pitch: req.pitch });
    overlay.setProps({ layers: layers.map((l) => l.clone({ pickable: false })) });
    await settled(map);
    // deck.gl may compile its programs after the first frame: draw once more once it is ready.
    map.triggerRepaint();
    await settled(map);
    const canvas = document.createElement('canvas');
    canvas.width = req.width;
    canvas.height = req.height;
    const ctx = canvas.getContext('2d')!;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(map.getCanvas(), 0, 0, req.width, req.height);
    const b = map.getBounds();
    const actual = map.getCanvas().width / cssW;
    return {
      canvas,
      pixelRatio: actual,
      zoom: map.getZoom(),
      center: req.center,
      bearing: map.getBearing(),
      bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
      cappedAt: actual < req.pixelRatio * 0.999 ? limit : null,
    };
  } finally {
    overlay.setProps({ layers: [] });
    container.style.width = '4px';
    container.style.height = '4px';
    map.setPixelRatio(1);
    map.resize();
  }
}

/** Resolves once the map has loaded everything in view and drawn it. */
function settled(map: maplibregl.Map): Promise<void> {
  return new Promise((resolve) => {
    if (map.loaded() && map.areTilesLoaded() && !map.isMoving()) {
      map.once('render', () => (map.loaded() ? resolve() : map.once('idle', () => resolve())));
      map.triggerRepaint();
    } else map.once('idle', () => resolve());
  });
}
