import type * as maplibregl from 'maplibre-gl';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Layer } from '@deck.gl/core';
// deck.gl's own WebGL layer (a dependency of @deck.gl/core): used only to resynchronise its state cache.
import { getGLParameters } from '@luma.gl/webgl';

/**
 * deck.gl interleaved on the MapLibre map: its layers, picks and recovery from a lost WebGL
 * context. Loaded (with deck.gl) by map-view.ts after the first view; nothing else imports it.
 */
export interface DeckOverlay {
  setLayers(layers: Layer[]): void;
  /** The layer under a point of the canvas, for a click (see map-view.ts). */
  pickObject(x: number, y: number): ReturnType<MapLibreOverlay['pickObject']>;
  /** Every object of `layerIds` drawn in the canvas box. */
  pickObjects(width: number, height: number, layerIds: string[]): ReturnType<MapLibreOverlay['pickObjects']>;
  /** True once every layer named in `ids` is loaded and its programs linked (drawn in the frame just made). */
  drawn(ids: string[]): boolean;
  /** Called after each deck.gl frame. */
  afterRender: Set<() => void>;
}

export function attachDeck(map: maplibregl.Map, container: HTMLElement, layers: Layer[]): DeckOverlay {
  const afterRender = new Set<() => void>();
  let current = layers;
  const newOverlay = (ls: Layer[]) => new MapLibreOverlay({ interleaved: true, layers: ls, onAfterRender: () => afterRender.forEach((f) => f()) });
  let overlay = newOverlay(current);
  map.addControl(overlay);
  // After a lost WebGL context comes back, MapLibre redraws its own layers but deck.gl's device
  // (cached on the context) still holds buffers and programs of the lost context: a new overlay
  // on a new device, with fresh copies of the same layers, draws them again.
  // luma.gl's caches are reset in the capture phase, before MapLibre's own restore sets up its
  // painter through the same (hooked) context; the overlay is replaced after it.
  container.addEventListener('webglcontextrestored', () => resetLumaCaches(map), { capture: true });
  map.on('webglcontextrestored', () => {
    overlay = recreateOverlay(map, overlay, () => newOverlay(current.map((l) => l.clone({}))));
  });
  // MapLibreOverlay does not expose its Deck; its layer manager is the only record of what was drawn.
  const layerManager = () => (overlay as unknown as { _deck?: { layerManager?: { getLayers(): Layer[] } } })._deck?.layerManager;
  return {
    setLayers(ls) {
      current = ls;
      overlay.setProps({ layers: ls });
    },
    pickObject: (x, y) => overlay.pickObject({ x, y, radius: 3 }),
    pickObjects: (width, height, layerIds) => overlay.pickObjects({ x: 0, y: 0, width, height, layerIds }),
    drawn(ids) {
      const all = layerManager()?.getLayers() ?? [];
      return ids.every((id) => {
        const top = all.find((l) => l.id === id);
        if (!top || !top.isLoaded) return false;
        // The layer itself and its sublayers ("<id>-…"): every model's program must be linked.
        return all
          .filter((l) => l.id === id || l.id.startsWith(`${id}-`))
          .every((l) => l.getModels().every((m) => m.pipeline.linkStatus === 'success'));
      });
    },
    afterRender,
  };
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
