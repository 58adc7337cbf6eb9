import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openReady, openSession, screenshot, waitReady, type Session } from './browser';
import type { Route } from 'playwright-core';
import { projects } from './data';

const baseUrl = inject('baseUrl');

/**
 * Loads the app with the files matching `file` answered by `answer`: the page must still get
 * ready, say `message` in its notice, and lose nothing else (every valid project is listed).
 */
async function expectNoticeWithEveryProject(file: RegExp, answer: (route: Route) => Promise<void> | void, message: RegExp): Promise<void> {
  const s = await openSession(baseUrl);
  try {
    await s.page.route(file, answer);
    await s.page.goto(baseUrl);
    expect(await waitReady(s.page)).toBe('true');
    await expect(s.page.locator('.status-note').textContent()).resolves.toMatch(message);
    expect(await s.page.locator('.project-list [role=option]').count()).toBe(projects.features.length);
  } finally {
    await s.close();
  }
}

describe('the app on its embedded base map', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openReady(baseUrl);
  });
  afterAll(async () => s?.close());

  it('loads without console errors and reaches idle', async () => {
    expect(await s.page.evaluate(() => document.body.dataset.ready)).toBe('true');
    expect(s.errors).toEqual([]);
  });

  it('makes no request outside its own origin', () => {
    expect(s.foreign).toEqual([]);
  });

  it('draws a map: the canvas is not the blank background', async () => {
    const stats = await s.page.evaluate(() => {
      const d = window.__mapImage().data;
      const colours = new Set<number>();
      let nonBackground = 0;
      for (let i = 0; i < d.length; i += 4 * 7) {
        colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
        // background #e9eef2
        if (Math.abs(d[i] - 0xe9) + Math.abs(d[i + 1] - 0xee) + Math.abs(d[i + 2] - 0xf2) > 12) nonBackground++;
      }
      return { colours: colours.size, share: nonBackground / (d.length / 28) };
    });
    expect(stats.colours).toBeGreaterThan(20);
    expect(stats.share).toBeGreaterThan(0.5);
    await screenshot(s.page, 'foundation-1440x900');
  });

  it('draws county labels locally, with no glyph server', async () => {
    const labels = await s.page.evaluate(() => {
      const map = (window as unknown as { __jzmap: { map: import('maplibre-gl').Map } }).__jzmap.map;
      return map.queryRenderedFeatures({ layers: ['county-labels'] }).map((f) => f.properties.name as string);
    });
    expect(labels).toEqual(expect.arrayContaining(['荆州区', '洪湖市', '监利市']));
  });

  it('fits 荆州市 in the first view and labels its controls', async () => {
    const b = await s.page.evaluate(() => (window as unknown as { __jzmap: { map: import('maplibre-gl').Map } }).__jzmap.map.getBounds().toArray());
    // West of 松滋 (111.4°E) to east of 洪湖 (114.0°E), south of 石首 (29.5°N) to north of 荆州区 (30.8°N).
    expect(b[0][0]).toBeLessThan(111.45);
    expect(b[1][0]).toBeGreaterThan(114.0);
    expect(b[0][1]).toBeLessThan(29.5);
    expect(b[1][1]).toBeGreaterThan(30.8);
    for (const label of ['放大', '缩小']) await expect(s.page.getByRole('button', { name: label }).count()).resolves.toBe(1);
    expect(await s.page.locator('.maplibregl-ctrl-scale').count()).toBe(1);
    expect(await s.page.title()).toContain('荆州重点项目地图');
  });
});

describe('a missing or corrupt data file', () => {
  it.each([
    ['missing', 404, 'not found', /counties\.geojson/],
    ['corrupt', 200, '{"type":"FeatureCol', /counties\.geojson.*(JSON|损坏)/],
  ])('is named on the page when %s', async (_label, status, body, message) => {
    const s = await openSession(baseUrl);
    try {
      await s.page.route(/counties-[^/]*\.geojson/, (r) => r.fulfill({ status, body, contentType: 'application/json' }));
      await s.page.goto(baseUrl);
      expect(await waitReady(s.page)).toBe('error');
      const alert = s.page.getByRole('alert');
      await expect(alert.textContent()).resolves.toMatch(message);
      await expect(alert.textContent()).resolves.toMatch(/npm ci/);
      await screenshot(s.page, `data-error-${_label}`);
    } finally {
      await s.close();
    }
  });
});

describe('the top bar on a narrow phone', () => {
  it.each(['en', 'zh'])('keeps every button on the screen (%s, 360 px wide)', async (lang) => {
    const s = await openSession(baseUrl, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    try {
      await s.page.goto(`${baseUrl}?lang=${lang}`);
      expect(await waitReady(s.page)).toBe('true');
      const boxes = await s.page.locator('.topbar button').evaluateAll((bs) => bs.map((b) => ({ name: b.textContent, left: b.getBoundingClientRect().left, right: b.getBoundingClientRect().right })));
      expect(boxes.length).toBe(5);
      for (const b of boxes) expect(b.right, `${b.name} ends at ${b.right}`).toBeLessThanOrEqual(360);
      for (const b of boxes) expect(b.left).toBeGreaterThanOrEqual(0);
      // The switch of language is one of them, and a tap reaches it.
      await s.page.getByRole('button', { name: lang === 'en' ? /中文/ : /English/ }).tap();
      await expect.poll(() => s.page.locator('html').getAttribute('lang')).toBe(lang === 'en' ? 'zh-CN' : 'en');
    } finally {
      await s.close();
    }
  });
});

describe('a missing base-map layer read by the map itself', () => {
  it('is named on the page, and the map and the projects still show', async () => {
    await expectNoticeWithEveryProject(/water-[^/]*\.geojson/, (r) => r.fulfill({ status: 404, body: 'not found' }), /data\/base\/water\.geojson.*npm ci/);
  });
});

describe('a bad record in the project data', () => {
  it('is named with its position and reason, and every other project still shows', async () => {
    await expectNoticeWithEveryProject(/projects-[^/]*\.geojson/, async (route) => {
      const res = await route.fetch();
      const fc = (await res.json()) as GeoJSON.FeatureCollection;
      fc.features.splice(2, 0, { type: 'Feature', geometry: { type: 'Point', coordinates: [999, 30] }, properties: { ...fc.features[0].properties, id: 'broken-one' } });
      await route.fulfill({ response: res, json: fc });
    }, /#3 broken-one: .*coordinates out of WGS-84 range/);
  });
});
