import gcoord from 'gcoord';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { openSession, screenshot, waitReady, type Session } from './browser';
import { closedPort, MARKER, startAppServer, startTileServer, worldPixel, type TileServer } from './basemap-fixtures';

/**
 * Street base maps against local fixture servers: each kind loads its tiles, GCJ-02 overlays line
 * up with GCJ-02 tiles, failures fall back with a message, the embedded default stays offline.
 */

// A page takes a minute to become ready when the test machine is loaded; these tests wait for tiles too.
vi.setConfig({ testTimeout: 400_000, hookTimeout: 400_000 });

const AIRPORT_ID = 'jingzhou-shashi-airport';
const AIRPORT: [number, number] = [112.44854, 30.29281]; // data/projects.geojson, WGS-84
const AIRPORT_GCJ = gcoord.transform(AIRPORT, gcoord.WGS84, gcoord.GCJ02) as [number, number];
const GOOD_KEY = 'fixtureKey123';

type Jz = { map: import('maplibre-gl').Map; store: { get(): Record<string, unknown> }; pickAll(): string[] };

let tiles: TileServer;
let app: { url: string; close(): Promise<void> };

function testConfig(t: string, closed: number) {
  const raster = (id: string, zh: string, crs: string, tilesUrl: string, extra: Record<string, unknown> = {}) =>
    ({ id, type: 'raster', name: { zh, en: id }, crs, tiles: [tilesUrl], attribution: `© ${zh}`, maxzoom: 18, ...extra });
  const wmts = (layer: string) => `${t}/tdt/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={key}`;
  return {
    // Generous: on a loaded test machine the first tile can take a while. The hanging server has its own short limit.
    version: 1, default: 'embedded', allowCustom: true, timeoutMs: 60000,
    basemaps: [
      raster('fx-amap', '高德（测试）', 'gcj02', `${t}/xyz/{z}/{x}/{y}.png`),
      raster('fx-osm', 'OSM（测试）', 'wgs84', `${t}/xyz/{z}/{x}/{y}.png`),
      { ...raster('fx-tdt', '天地图（测试）', 'cgcs2000', wmts('vec')), labels: { tiles: [wmts('cva')] }, key: '', keyLabel: '天地图 tk', approval: 'GS(0000)0000号 测试' },
      { id: 'fx-streets', type: 'pmtiles', name: { zh: '街道图（测试）', en: 'Streets (test)' }, crs: 'wgs84', url: `${t}/streets.pmtiles`, attribution: '© OpenStreetMap contributors (test fixture)' },
      { id: 'fx-style', type: 'style', name: { zh: '样式（测试）', en: 'Style (test)' }, crs: 'wgs84', url: `${t}/style.json`, attribution: '© style fixture' },
      raster('fx-403', '拒绝服务器（测试）', 'wgs84', `${t}/forbidden/{z}/{x}/{y}.png`),
      raster('fx-closed', '关闭的服务器（测试）', 'wgs84', `http://127.0.0.1:${closed}/{z}/{x}/{y}.png`),
      raster('fx-hang', '不响应的服务器（测试）', 'wgs84', `${t}/hang/{z}/{x}/{y}.png`, { timeoutMs: 5000 }),
    ],
  };
}

beforeAll(async () => {
  tiles = await startTileServer({ marker: AIRPORT_GCJ, goodKey: GOOD_KEY });
  app = await startAppServer(testConfig(tiles.origin, await closedPort()));
});
afterAll(async () => {
  await app?.close();
  await tiles?.close();
});

async function open(query: string, viewport = { width: 1440, height: 900 }): Promise<Session> {
  const s = await openSession(app.url, { viewport });
  await s.page.goto(app.url + query, { waitUntil: 'domcontentloaded', timeout: 120_000 });
  expect(await waitReady(s.page, 240_000)).toBe('true');
  return s;
}

/** Waits until the base map `id` is shown and has tiles (or failed, returned as 'failed'). */
async function settled(page: Page, id?: string): Promise<string> {
  await page.waitForFunction((want) => {
    const d = document.body.dataset;
    return (d.basemapState === 'ok' && (!want || d.basemap === want)) || d.basemapState === 'failed';
  }, id, { timeout: 180_000 });
  await idle(page);
  return (await page.evaluate(() => document.body.dataset.basemapState)) ?? '';
}

async function idle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => {
    const map = (window as unknown as { __jzmap: Jz }).__jzmap.map;
    const check = () => (map.loaded() && !map.isMoving() ? resolve() : map.once('idle', () => resolve()));
    // One more frame so deck.gl has drawn its layers into the canvas too.
    requestAnimationFrame(() => requestAnimationFrame(check));
  }));
}

/** Forgets the last outcome, so `settled` waits for the next one. */
const forget = (page: Page) => page.evaluate(() => void (document.body.dataset.basemapState = ''));

async function chooseInPanel(page: Page, name: RegExp): Promise<void> {
  await forget(page);
  const button = page.getByRole('button', { name: /底图|Base map/ });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await page.getByRole('radio', { name }).click({ timeout: 60_000 });
}

const state = (page: Page) => page.evaluate(() => (window as unknown as { __jzmap: Jz }).__jzmap.store.get());

/** Centroid of canvas pixels close to `rgb`, within `radius` px of `near` (or anywhere). */
async function centroid(page: Page, rgb: readonly number[], tol: number, near?: [number, number], radius = 300): Promise<{ x: number; y: number; n: number }> {
  return page.evaluate(({ rgb, tol, near, radius }) => {
    const canvas = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')!;
    // Page coordinates (what the mouse uses): the canvas sits right of the sidebar, under the top bar.
    const r = canvas.getBoundingClientRect();
    const off = window.__mapImage();
    const d = off.data;
    if (near) near = [near[0] - r.left, near[1] - r.top];
    let sx = 0, sy = 0, n = 0;
    for (let y = 0; y < off.height; y++) {
      for (let x = 0; x < off.width; x++) {
        if (near && (x - near[0]) ** 2 + (y - near[1]) ** 2 > radius ** 2) continue;
        const o = (y * off.width + x) * 4;
        if (Math.abs(d[o] - rgb[0]) <= tol && Math.abs(d[o + 1] - rgb[1]) <= tol && Math.abs(d[o + 2] - rgb[2]) <= tol) {
          sx += x;
          sy += y;
          n++;
        }
      }
    }
    return { x: sx / n + r.left, y: sy / n + r.top, n };
  }, { rgb: [...rgb], tol, near, radius });
}

// The airport's fill: theme "regional" (213, 94, 0) at alpha 240 over the fixture's grey.
const AIRPORT_FILL = [213, 101, 13];

describe('the embedded default', () => {
  it('offers the configured base maps in a 底图 control and still makes no outside request', async () => {
    const s = await openSession(inject('baseUrl'));
    try {
      await s.page.goto(inject('baseUrl'), { waitUntil: 'domcontentloaded', timeout: 120_000 });
      await waitReady(s.page, 240_000);
      await s.page.getByRole('button', { name: /底图/ }).click();
      for (const name of [/内置离线地图/, /天地图 · 矢量/, /高德地图/, /OpenStreetMap/]) await expect(s.page.getByRole('radio', { name }).count()).resolves.toBe(1);
      expect(await s.page.getByRole('radio', { name: /内置离线地图/ }).isChecked()).toBe(true);
      expect(await s.page.evaluate(() => document.body.dataset.basemap ?? 'embedded')).toBe('embedded');
      expect(s.foreign).toEqual([]);
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });
});

describe('GCJ-02 done right', () => {
  let s: Session;
  const z = 15;
  // Where the marker (GCJ-02) and the true position (WGS-84) are apart, in screen pixels at z15.
  // MapLibre's world is 512 px wide at zoom 0 (256-px raster tiles are drawn one zoom level down),
  // so a screen pixel at zoom z is a 256-px tile pixel at z + 1.
  const [gx, gy] = worldPixel(AIRPORT_GCJ[0], AIRPORT_GCJ[1], z + 1);
  const [wx, wy] = worldPixel(AIRPORT[0], AIRPORT[1], z + 1);
  const metresPerPixel = (40075016.686 * Math.cos((AIRPORT[1] * Math.PI) / 180)) / (512 * 2 ** z);

  beforeAll(async () => {
    s = await open(`?q=${encodeURIComponent('沙市机场')}&lon=${AIRPORT[0]}&lat=${AIRPORT[1]}&z=${z}&bm=fx-amap`);
  });
  afterAll(async () => s?.close());

  it('on a GCJ-02 base map the project symbol sits on the marker drawn at its GCJ-02 position', async () => {
    expect(await settled(s.page, 'fx-amap')).toBe('ok');
    const marker = await centroid(s.page, MARKER, 20);
    expect(marker.n).toBeGreaterThan(200);
    const symbol = await centroid(s.page, AIRPORT_FILL, 22, [marker.x, marker.y]);
    expect(symbol.n).toBeGreaterThan(40);
    expect(Math.hypot(symbol.x - marker.x, symbol.y - marker.y)).toBeLessThan(3);
    // Data, URL and distances stay WGS-84: the view in the state is the true position.
    const st = await state(s.page);
    const center = (st.view as { center: [number, number] }).center;
    expect(Math.abs(center[0] - AIRPORT[0])).toBeLessThan(0.0002);
    expect(Math.abs(center[1] - AIRPORT[1])).toBeLessThan(0.0002);
    await s.page.waitForFunction(() => /[?&]bm=fx-amap/.test(location.search));
    expect(new URL(s.page.url()).searchParams.get('lon')).toBe(AIRPORT[0].toFixed(4));
    await screenshot(s.page, 'basemaps-gcj02-aligned-1440x900');
  });

  it('an imported point is shifted with the projects: it sits on the marker and a click on it chooses it', async () => {
    // A 高德 POI export converted to WGS-84 on import: the same true position as the airport (its
    // name matches this view's search, 沙市机场, or the filter would hide it).
    await s.page.getByRole('button', { name: /导入/ }).first().click();
    await s.page.fill('#import-paste', `名称,经度,纬度\n沙市机场测试点,${AIRPORT[0]},${AIRPORT[1]}\n`);
    await s.page.click('#import-read-paste');
    await s.page.waitForSelector('#import-add');
    await s.page.click('#import-add');
    await s.page.waitForSelector('.import-backdrop', { state: 'hidden' });
    // The rows land (and the view flies to them) in the task after the dialog closes.
    await s.page.waitForSelector('.import-report:not([hidden])');
    // The import fits the view to the layer: back to the marker at zoom 15.
    await s.page.evaluate(([c, zoom]) => (window as unknown as { __jzmap: Jz }).__jzmap.map.jumpTo({ center: c as [number, number], zoom: zoom as number }), [AIRPORT_GCJ, z] as const);
    await idle(s.page);
    const marker = await centroid(s.page, MARKER, 20);
    await s.page.mouse.click(marker.x, marker.y);
    await s.page.waitForFunction(() => String((window as unknown as { __jzmap: Jz }).__jzmap.store.get().selectedId ?? '').startsWith('imp-'), undefined, { timeout: 30_000 });
    await expect.poll(() => s.page.locator('#details').textContent()).toContain('沙市机场测试点');
    // The import is a layer of this test only.
    await s.page.keyboard.press('Escape');
    await s.page.click('#tab-layers');
    await s.page.locator('.layer-import .layer-remove').first().click();
    await s.page.getByRole('tab', { name: '项目' }).click();
  });

  it('a tap on the map for near-me is converted back to WGS-84', async () => {
    const marker = await centroid(s.page, MARKER, 20);
    await s.page.getByRole('tab', { name: '附近' }).click();
    await s.page.getByRole('button', { name: '在地图上点选' }).click();
    await s.page.mouse.click(marker.x, marker.y);
    await s.page.waitForFunction(() => Boolean((window as unknown as { __jzmap: Jz }).__jzmap.store.get().near), undefined, { timeout: 60_000 });
    const near = (await state(s.page)).near as { center: [number, number] };
    const dx = (near.center[0] - AIRPORT[0]) * 111320 * Math.cos((AIRPORT[1] * Math.PI) / 180);
    const dy = (near.center[1] - AIRPORT[1]) * 110574;
    expect(Math.hypot(dx, dy)).toBeLessThan(3 * metresPerPixel);
    await s.page.getByRole('button', { name: /清除/ }).click();
    await s.page.waitForFunction(() => !(window as unknown as { __jzmap: Jz }).__jzmap.store.get().near);
    await s.page.getByRole('tab', { name: '项目' }).click();
  });

  it('on a base map declared WGS-84 the same symbol sits ~620 m from the marker, by exactly the GCJ-02 shift', async () => {
    await s.page.evaluate(() => (window as unknown as { __jzmap: { store: { set(p: object): void } } }).__jzmap.store.set({ selectedId: null }));
    await s.page.evaluate(([c, zoom]) => (window as unknown as { __jzmap: Jz }).__jzmap.map.jumpTo({ center: c as [number, number], zoom: zoom as number }), [AIRPORT_GCJ, z] as const);
    await idle(s.page);
    await chooseInPanel(s.page, /OSM（测试）/);
    expect(await settled(s.page, 'fx-osm')).toBe('ok');
    await s.page.getByRole('button', { name: /底图/ }).click();
    // Measured at zoom 15 exactly (the camera may have drifted while the near-me test ran).
    await s.page.evaluate(([c, zoom]) => (window as unknown as { __jzmap: Jz }).__jzmap.map.jumpTo({ center: c as [number, number], zoom: zoom as number }), [AIRPORT, z] as const);
    await idle(s.page);
    const marker = await centroid(s.page, MARKER, 20);
    const symbol = await centroid(s.page, AIRPORT_FILL, 22, [marker.x, marker.y]);
    expect(symbol.n).toBeGreaterThan(40);
    // The symbol is where WGS-84 puts it: west and north of the marker by the shift.
    // Within 5 px (10 m) of the expected 300-px offset: the colour centroid of a small outlined
    // disc is a few pixels off its centre; a wrong system would be off by the whole shift.
    expect(Math.abs(symbol.x - marker.x - (wx - gx))).toBeLessThan(5);
    expect(Math.abs(symbol.y - marker.y - (wy - gy))).toBeLessThan(5);
    const metres = Math.hypot(symbol.x - marker.x, symbol.y - marker.y) * metresPerPixel;
    expect(metres).toBeGreaterThan(600);
    expect(metres).toBeLessThan(640);
    await screenshot(s.page, 'basemaps-wgs84-declared-offset-1440x900');
  });
});

describe('switching base maps', () => {
  it('keeps the view, the filters and the selection, is remembered, and the project layers survive the style change', async () => {
    const s = await open(`?theme=regional&sel=${AIRPORT_ID}&lon=112.4485&lat=30.2928&z=12.5`);
    try {
      await idle(s.page);
      const before = await state(s.page);
      expect((await s.page.evaluate(() => (window as unknown as { __jzmap: Jz }).__jzmap.pickAll()))).toContain(AIRPORT_ID);
      await chooseInPanel(s.page, /高德（测试）/);
      expect(await settled(s.page, 'fx-amap')).toBe('ok');
      const after = await state(s.page);
      expect(after.filters).toEqual(before.filters);
      expect(after.selectedId).toBe(AIRPORT_ID);
      const [b, a] = [(before.view as { center: number[]; zoom: number }), (after.view as { center: number[]; zoom: number })];
      expect(Math.abs(a.center[0] - b.center[0]) + Math.abs(a.center[1] - b.center[1])).toBeLessThan(0.0001);
      expect(a.zoom).toBeCloseTo(b.zoom, 5);
      expect(await s.page.evaluate(() => (window as unknown as { __jzmap: Jz }).__jzmap.pickAll())).toContain(AIRPORT_ID);
      await s.page.waitForFunction(() => /[?&]bm=fx-amap/.test(location.search));
      expect(tiles.requests.some((r) => r.startsWith('/xyz/'))).toBe(true);
      expect(await s.page.locator('.maplibregl-ctrl-attrib').textContent()).toContain('© 高德（测试）');

      // A reload without bm= in the link: this browser remembers the choice.
      await s.page.goto(app.url + '?lang=zh', { waitUntil: 'domcontentloaded', timeout: 120_000 });
      await waitReady(s.page, 240_000);
      expect(await settled(s.page, 'fx-amap')).toBe('ok');

      // Back to the embedded map: its own layers return, the projects are still drawn.
      await chooseInPanel(s.page, /内置离线地图/);
      await s.page.waitForFunction(() => document.body.dataset.basemap === 'embedded');
      await idle(s.page);
      expect(await s.page.evaluate(() => Boolean((window as unknown as { __jzmap: Jz }).__jzmap.map.getLayer('counties-fill')))).toBe(true);
      expect((await s.page.evaluate(() => (window as unknown as { __jzmap: Jz }).__jzmap.pickAll())).length).toBeGreaterThan(5);
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });
});

describe('each kind of base map loads from its server', () => {
  it('self-hosted PMTiles: streets and Chinese labels drawn with system fonts, no glyph server', async () => {
    for (const viewport of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
      const s = await open('?lon=112.2450&lat=30.3360&z=14.2&bm=fx-streets', viewport);
      try {
        expect(await settled(s.page, 'fx-streets')).toBe('ok');
        const drawn = await s.page.evaluate(() => {
          const map = (window as unknown as { __jzmap: Jz }).__jzmap.map;
          const names = (layers: string[]) => [...new Set(map.queryRenderedFeatures({ layers }).map((f) => String(f.properties.name)))];
          return { roads: names(['roads_major', 'roads_minor', 'roads_highway']), labels: names(['roads_labels_major', 'roads_labels_minor']), glyphs: map.getStyle().glyphs ?? null };
        });
        expect(drawn.roads).toEqual(expect.arrayContaining(['示例大道', '示例一路']));
        expect(drawn.labels.length).toBeGreaterThan(0);
        expect(drawn.glyphs).toBeNull();
        expect(tiles.requests).toContain('/streets.pmtiles');
        // Only the PMTiles file went out: no glyph, sprite or other request.
        expect(s.foreign.every((u) => u.startsWith(`${tiles.origin}/streets.pmtiles`))).toBe(true);
        expect(s.errors).toEqual([]);
        await screenshot(s.page, `basemaps-pmtiles-${viewport.width}x${viewport.height}`);
      } finally {
        await s.close();
      }
    }
  });

  // One page for the three kinds below: a session costs a minute on a loaded machine.
  let s: Session;
  const consoleText: string[] = [];
  beforeAll(async () => {
    s = await open('?lon=112.24&lat=30.33&z=11');
    s.page.on('console', (m) => consoleText.push(m.text()));
  }, 300_000);
  afterAll(async () => s?.close());

  it('天地图 asks for a key, says when it is rejected, and loads with a good one (never in the URL or the console)', async () => {
    {
      await chooseInPanel(s.page, /天地图（测试）/);
      const key = s.page.getByLabel(/天地图 tk/);
      await key.fill('wrongKey');
      await s.page.getByRole('button', { name: '使用此密钥' }).click();
      expect(await settled(s.page)).toBe('failed');
      const msg = await s.page.locator('.basemap-message').textContent();
      expect(msg).toContain('天地图（测试）');
      expect(msg).toMatch(/403/);
      expect(msg).toMatch(/密钥/);
      expect(await s.page.evaluate(() => document.body.dataset.basemap)).toBe('embedded');
      // The key field is offered again.
      await s.page.getByLabel(/天地图 tk/).fill(GOOD_KEY);
      await forget(s.page);
      await s.page.getByRole('button', { name: '使用此密钥' }).click();
      expect(await settled(s.page, 'fx-tdt')).toBe('ok');
      expect(tiles.requests.some((r) => r.startsWith('/tdt/vec_w/wmts?') && r.includes(`tk=${GOOD_KEY}`))).toBe(true);
      expect(tiles.requests.some((r) => r.startsWith('/tdt/cva_w/wmts?'))).toBe(true);
      expect(await s.page.locator('.basemap-approval').textContent()).toContain('审图号：GS(0000)0000号');
      await s.page.waitForFunction(() => /bm=fx-tdt/.test(location.search));
      expect(s.page.url()).not.toContain(GOOD_KEY);
      expect(consoleText.join('\n')).not.toContain(GOOD_KEY);
      expect(consoleText.join('\n')).not.toContain('wrongKey');
    }
  });

  it('a MapLibre style URL, its relative tile URLs resolved against it', async () => {
    await s.page.evaluate(() => (window as unknown as { __jzmap: Jz }).__jzmap.map.jumpTo({ center: [112.24, 30.33], zoom: 10 }));
    {
      const before = tiles.requests.length;
      await chooseInPanel(s.page, /样式（测试）/);
      expect(await settled(s.page, 'fx-style')).toBe('ok');
      const mine = tiles.requests.slice(before);
      expect(mine).toContain('/style.json');
      expect(mine.some((r) => r.startsWith('/xyz/'))).toBe(true);
      expect(s.errors.filter((e) => !/Failed to load resource.*403/.test(e))).toEqual([]);
    }
  });

  it('a custom XYZ template is used only after the user confirms it, with the system they state', async () => {
    await s.page.evaluate(() => (window as unknown as { __jzmap: Jz }).__jzmap.map.jumpTo({ center: [112.24, 30.33], zoom: 9 }));
    {
      const button = s.page.getByRole('button', { name: /底图|Base map/ });
      if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
      await s.page.getByText('自定义底图…').click();
      const url = s.page.getByRole('textbox', { name: '网址' });
      await url.fill('javascript:alert(1)');
      await s.page.getByRole('button', { name: '确认使用' }).click();
      await expect(s.page.locator('.basemap-custom .basemap-error').textContent()).resolves.toMatch(/协议|protocol/);
      const before = tiles.requests.length;
      await url.fill(`${tiles.origin}/xyz/{z}/{x}/{y}.png`);
      await s.page.getByRole('combobox', { name: '坐标系' }).selectOption('gcj02');
      expect(tiles.requests.length).toBe(before); // typed, not yet confirmed: nothing fetched
      await forget(s.page);
      await s.page.getByRole('button', { name: '确认使用' }).click();
      expect(await settled(s.page, 'custom')).toBe('ok');
      expect(tiles.requests.slice(before).some((r) => r.startsWith('/xyz/'))).toBe(true);
      // Declared GCJ-02: the overlays are shifted (the transform is the GCJ-02 one).
      expect(await s.page.evaluate(() => document.body.dataset.basemap)).toBe('custom');
      expect(new URL(s.page.url()).search).not.toContain('xyz');
    }
  });
});

describe('failure is visible, never blank', () => {
  let s: Session;
  beforeAll(async () => {
    s = await open('?lon=112.24&lat=30.33&z=10');
  }, 300_000);
  afterAll(async () => s?.close());

  it.each([
    ['a 403', '拒绝服务器（测试）', /403/],
    ['a closed port', '关闭的服务器（测试）', /无法连接/],
    ['a server that never answers', '不响应的服务器（测试）', /超时/],
  ])('%s: a message names the base map and the reason, and the embedded map is back', async (_l, name, why) => {
    await chooseInPanel(s.page, new RegExp(name.replace(/[()（）]/g, '.')));
    await s.page.waitForFunction((n) => document.querySelector('.basemap-message')?.textContent?.includes(n), name, { timeout: 180_000 });
    expect(await s.page.evaluate(() => document.body.dataset.basemapState)).toBe('failed');
    const msg = await s.page.locator('.basemap-message').textContent();
    expect(msg).toMatch(why);
    expect(msg).toMatch(/内置离线地图/);
    expect(await s.page.getByRole('alert').filter({ hasText: name }).count()).toBe(1);
    expect(await s.page.evaluate(() => document.body.dataset.basemap)).toBe('embedded');
    await idle(s.page);
    expect(await s.page.evaluate(() => Boolean((window as unknown as { __jzmap: Jz }).__jzmap.map.getLayer('counties-fill')))).toBe(true);
    expect((await s.page.evaluate(() => (window as unknown as { __jzmap: Jz }).__jzmap.pickAll())).length).toBeGreaterThan(5);
    await s.page.waitForFunction(() => document.body.dataset.url === 'written' && !new URLSearchParams(location.search).get('bm'));
    await screenshot(s.page, `basemaps-failed-${_l.replace(/\W+/g, '-')}`);
  });
});
