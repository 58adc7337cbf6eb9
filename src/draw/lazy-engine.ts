import type { Map as MapLibreMap } from 'maplibre-gl';
import type { DisplayTransform, DrawEngine, DrawHandlers, DrawKind, DrawnGeometry } from './draw-engine';

/**
 * The draw engine with terra-draw fetched when a tool is first used, not with the page: it is a
 * quarter of the app's own script and nobody needs it for the first view. The same interface as
 * draw-engine.ts, plus `prepare`, which the tools' buttons go through.
 */
export interface LazyDrawEngine extends DrawEngine {
  /**
   * Runs `then` once the engine is loaded (at once if it is), or `failed` if it could not be
   * fetched. Meanwhile `active()` is true, so a tap on the map right after the button is not taken
   * for choosing a project.
   */
  prepare(then: () => void, failed?: (err: unknown) => void): void;
}

type EngineModule = { createDrawEngine(map: MapLibreMap): DrawEngine };

export function createLazyDrawEngine(map: MapLibreMap, load: () => Promise<EngineModule> = () => import('./draw-engine')): LazyDrawEngine {
  let engine: DrawEngine | null = null;
  let loading: Promise<DrawEngine> | null = null;
  let transform: DisplayTransform | null = null;
  let waiting = 0;

  const get = (): Promise<DrawEngine> => (loading ??= load().then((m) => {
    engine = m.createDrawEngine(map);
    if (transform) engine.setTransform(transform);
    return engine;
  }, (err: unknown) => {
    // Not loaded (a network fault on a first visit): the next use tries again.
    loading = null;
    throw err;
  }));

  return {
    prepare(then, failed) {
      if (engine) return then();
      waiting++;
      get().finally(() => waiting--).then(then, (err: unknown) => {
        console.error('draw tools could not be loaded', err);
        failed?.(err);
      });
    },
    // Every other call comes from a tool already open, hence after `prepare`.
    draw(kind: DrawKind, handlers: DrawHandlers) {
      engine?.draw(kind, handlers);
    },
    edit(g: DrawnGeometry, onChange: (g: DrawnGeometry) => void) {
      return engine?.edit(g, onChange) ?? false;
    },
    finish: () => engine?.finish(),
    stop: () => engine?.stop(),
    active: () => (engine ? engine.active() : waiting > 0),
    setTransform(t) {
      transform = t;
      engine?.setTransform(t);
    },
  };
}
