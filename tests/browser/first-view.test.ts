import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSession, screenshot, waitReady, type Session } from './browser';
import { projects } from './data';

const baseUrl = inject('baseUrl');
/** The test hook of src/main.ts, as far as used here. */
type Jz = { __jzmap: { map: import('maplibre-gl').Map; pickAll(): string[]; store: { get(): { selectedId: string | null } } } };
/** The chunk that brings deck.gl (src/map/deck.ts, fetched by map-view.ts). */
const DECK_CHUNKS = /\/assets\/deck-[^/]*\.js$/;

/**
 * The first view (src/map/first-view.ts): MapLibre draws the report's projects until deck.gl,
 * fetched after the base map settles, has drawn them. deck.gl is held back here so what a user
 * meets on a slow link can be looked at: projects shown, a tap opens one, filters apply.
 */
describe('the first view, before deck.gl arrives', () => {
  let s: Session;
  let release: () => void = () => {};

  beforeAll(async () => {
    s = await openSession(baseUrl);
    const held = new Promise<void>((r) => (release = r));
    await s.page.route(DECK_CHUNKS, async (route) => {
      await held;
      await route.continue();
    });
    await s.page.goto(baseUrl);
    await s.page.waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: 90_000 });
  });
  afterAll(async () => {
    release();
    await s?.close();
  });

  let home: { center: [number, number]; zoom: number } | null = null;

  it('is ready with every project drawn by MapLibre before deck.gl is in', async () => {
    home = await s.page.evaluate(() => {
      const m = (window as unknown as Jz).__jzmap.map;
      return { center: m.getCenter().toArray() as [number, number], zoom: m.getZoom() };
    });
    const state = await s.page.evaluate(() => ({
      settled: document.body.dataset.settled ?? null,
      drawn: (window as unknown as Jz).__jzmap.pickAll().length,
      layers: (window as unknown as Jz).__jzmap.map.getStyle().layers.filter((l) => l.id.startsWith('fv-')).length,
    }));
    expect(state.settled).toBeNull();
    expect(state.layers).toBeGreaterThan(0);
    // Tiled coarser than the view, for fewer tiles to draw each layer in (first-view.ts).
    const tiledAt = await s.page.evaluate(() => (window as unknown as Jz).__jzmap.map.getSource<import('maplibre-gl').GeoJSONSource>('fv-projects')!.maxzoom);
    expect(tiledAt).toBe(Math.floor(home!.zoom) - 2);
    // The whole city is in view: every project is drawn somewhere in it.
    expect(state.drawn).toBe(projects.features.length);
    await screenshot(s.page, 'first-view-1440x900');
  });

  it('a tap on a project opens its details', async () => {
    // A point project drawn on top where it lies (what a tap there picks, areas may lie under it).
    const target = await s.page.evaluate(() => {
      const map = (window as unknown as Jz).__jzmap.map;
      const fv = map.getStyle().layers.filter((l) => l.id.startsWith('fv-')).map((l) => l.id);
      const box = map.getCanvas().getBoundingClientRect();
      for (const f of map.querySourceFeatures('fv-projects')) {
        if (f.geometry.type !== 'Point' || f.properties?.kind !== 'point') continue;
        const p = map.project(f.geometry.coordinates as [number, number]);
        const hits = map.queryRenderedFeatures([[p.x - 8, p.y - 8], [p.x + 8, p.y + 8]], { layers: fv }).filter((h) => h.properties?.kind === 'point');
        if (hits.length === 1 && p.x > 200 && p.x < box.width - 60 && p.y > 100 && p.y < box.height - 60) return { id: String(f.properties.id), x: box.left + p.x, y: box.top + p.y };
      }
      return null;
    });
    expect(target).not.toBeNull();
    await s.page.mouse.click(target!.x, target!.y);
    const name = projects.features.find((f) => f.properties.id === target!.id)!.properties.name;
    await expect.poll(() => s.page.locator('#details h2').textContent(), { timeout: 10_000 }).toBe(name);
    expect(await s.page.evaluate(() => (window as unknown as Jz).__jzmap.store.get().selectedId)).toBe(target!.id);
  });

  it('a theme unticked in the filters leaves the map', async () => {
    const ecology = projects.features.filter((f) => f.properties.theme === 'ecology').map((f) => f.properties.id);
    expect(ecology.length).toBeGreaterThan(0);
    await s.page.locator('[data-facet=themes][data-key=ecology]').click();
    // The chosen project flew the camera in: back to the whole city, where every project is in view.
    await s.page.evaluate((h) => (window as unknown as Jz).__jzmap.map.jumpTo(h), home!);
    await expect.poll(() => s.page.evaluate(() => (window as unknown as Jz).__jzmap.pickAll()), { timeout: 10_000 }).not.toContain(ecology[0]);
    const drawn = await s.page.evaluate(() => (window as unknown as Jz).__jzmap.pickAll());
    expect(drawn.filter((id) => ecology.includes(id))).toEqual([]);
    expect(drawn.length).toBe(projects.features.length - ecology.length);
  });

  it('deck.gl takes over: the first view goes, the choice and the filter stay', async () => {
    release();
    await waitReady(s.page);
    const after = await s.page.evaluate(() => ({
      layers: (window as unknown as Jz).__jzmap.map.getStyle().layers.filter((l) => l.id.startsWith('fv-')).length,
      drawn: (window as unknown as Jz).__jzmap.pickAll(),
      selected: (window as unknown as Jz).__jzmap.store.get().selectedId,
    }));
    expect(after.layers).toBe(0);
    expect(after.drawn.length).toBeGreaterThan(0);
    expect(after.drawn.some((id) => projects.features.find((f) => f.properties.id === id)!.properties.theme === 'ecology')).toBe(false);
    expect(after.selected).not.toBeNull();
    expect(s.errors).toEqual([]);
  });
});

describe('when deck.gl cannot be fetched', () => {
  it('the first view stays, and the page says what needs a reload', async () => {
    const s = await openSession(baseUrl);
    try {
      await s.page.route(DECK_CHUNKS, (route) => route.abort());
      await s.page.goto(baseUrl);
      expect(await waitReady(s.page)).toBe('true');
      const state = await s.page.evaluate(() => ({
        layers: (window as unknown as Jz).__jzmap.map.getStyle().layers.filter((l) => l.id.startsWith('fv-')).length,
        drawn: (window as unknown as Jz).__jzmap.pickAll().length,
        status: document.getElementById('status')!.textContent ?? '',
      }));
      expect(state.layers).toBeGreaterThan(0);
      expect(state.drawn).toBe(projects.features.length);
      expect(state.status).toContain('刷新页面');
      expect(state.status).toContain('reload the page');
      // The first view is all there is now: re-tiled at MapLibre's full detail, every project still drawn.
      await expect.poll(() => s.page.evaluate(() => (window as unknown as Jz).__jzmap.map.getSource<import('maplibre-gl').GeoJSONSource>('fv-projects')?.maxzoom), { timeout: 10_000 }).toBe(18);
      await expect.poll(() => s.page.evaluate(() => (window as unknown as Jz).__jzmap.pickAll().length), { timeout: 10_000 }).toBe(projects.features.length);
    } finally {
      await s.close();
    }
  });
});
