import { describe, expect, it, vi } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { createLazyDrawEngine } from '../../src/draw/lazy-engine';
import type { DrawEngine } from '../../src/draw/draw-engine';

const map = {} as MapLibreMap;
function fakeEngine(): DrawEngine {
  let on = false;
  return { draw: () => void (on = true), edit: () => true, finish() {}, stop: () => void (on = false), active: () => on, setTransform() {} };
}

describe('the drawing tools, fetched on first use', () => {
  it('runs what waits once loaded, and holds map taps meanwhile', async () => {
    let release!: () => void;
    const loaded = new Promise<void>((r) => (release = r));
    const load = vi.fn(async () => {
      await loaded;
      return { createDrawEngine: () => fakeEngine() };
    });
    const engine = createLazyDrawEngine(map, load);
    const then = vi.fn();
    engine.prepare(then);
    engine.prepare(then);
    expect(engine.active()).toBe(true); // a tap now belongs to the tool being opened
    expect(then).not.toHaveBeenCalled();
    release();
    await vi.waitFor(() => expect(then).toHaveBeenCalledTimes(2));
    expect(load).toHaveBeenCalledTimes(1);
    expect(engine.active()).toBe(false);
    engine.prepare(then); // loaded: at once
    expect(then).toHaveBeenCalledTimes(3);
  });

  it('says when the tools could not be fetched, and tries again next time', async () => {
    const err = new Error('network');
    const load = vi.fn().mockRejectedValueOnce(err).mockResolvedValueOnce({ createDrawEngine: () => fakeEngine() });
    const engine = createLazyDrawEngine(map, load);
    const then = vi.fn();
    const failed = vi.fn();
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    engine.prepare(then, failed);
    await vi.waitFor(() => expect(failed).toHaveBeenCalledWith(err));
    expect(then).not.toHaveBeenCalled();
    expect(engine.active()).toBe(false); // taps choose projects again
    engine.prepare(then, failed);
    await vi.waitFor(() => expect(then).toHaveBeenCalledTimes(1));
    quiet.mockRestore();
  });
});
