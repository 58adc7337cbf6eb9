import { describe, expect, inject, it } from 'vitest';
import * as turf from '@turf/turf';
import { openSession, screenshot, waitReady } from './browser';
import { projects } from './data';

const baseUrl = inject('baseUrl');
const PHONES = [{ width: 390, height: 844 }, { width: 360, height: 740 }];
// 沙市 city centre (WGS-84), near 中山公园.
const SHASHI = { latitude: 30.3155, longitude: 112.2553 };

/** Independent reference: turf distances from the point to each feature's nearest part. */
function expectedWithin(lon: number, lat: number, km: number): string[] {
  const p = turf.point([lon, lat]);
  const dist = (g: GeoJSON.Geometry): number => {
    if (g.type === 'Point') return turf.distance(p, g);
    if (g.type === 'LineString' || g.type === 'MultiLineString') return turf.pointToLineDistance(p, turf.feature(g) as never);
    if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
      if (turf.booleanPointInPolygon(p, g)) return 0;
      const lines = turf.polygonToLine(turf.feature(g) as never);
      const fs = lines.type === 'FeatureCollection' ? lines.features : [lines];
      return Math.min(...fs.map((l) => turf.pointToLineDistance(p, l as never)));
    }
    if (g.type === 'MultiPoint') return Math.min(...g.coordinates.map((c) => turf.distance(p, c)));
    return Infinity;
  };
  return projects.features
    .map((f) => ({ id: f.properties.id, d: dist(f.geometry) }))
    .filter((x) => x.d <= km)
    .sort((a, b) => a.d - b.d || a.id.localeCompare(b.id))
    .map((x) => x.id);
}

describe('works near me, on a phone', () => {
  it('locates a person in 沙市 and lists the projects within 5 km, nearest first', async () => {
    const s = await openSession(baseUrl, { viewport: PHONES[0], isMobile: true, hasTouch: true, permissions: ['geolocation'], geolocation: SHASHI });
    try {
      await s.page.goto(`${baseUrl}?tab=near`);
      await waitReady(s.page);
      await s.page.getByRole('button', { name: '定位我的位置' }).click();
      await s.page.waitForSelector('.near-row');
      const ids = await s.page.locator('.near-row').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id));
      expect(ids.length).toBeGreaterThan(0);
      expect(ids).toEqual(expectedWithin(SHASHI.longitude, SHASHI.latitude, 5));
      const kms = await s.page.locator('.near-km').evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.km)));
      expect([...kms].sort((a, b) => a - b)).toEqual(kms);
      await s.page.waitForFunction(() => location.search.includes('near=112.255'));
      // No horizontal scrolling, body text at least 14 px.
      expect(await s.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      const small = await s.page.evaluate(() => [...document.querySelectorAll('.sidebar *')]
        .filter((e) => e.childNodes.length && [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()) && (e as HTMLElement).offsetParent !== null)
        .map((e) => parseFloat(getComputedStyle(e).fontSize)).filter((px) => px < 14));
      expect(small).toEqual([]);
      await s.page.waitForTimeout(1200);
      await screenshot(s.page, 'near-phone-390x844');
      await s.page.getByRole('radio', { name: '10 km' }).click();
      const ids10 = await s.page.locator('.near-row').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id));
      expect(ids10).toEqual(expectedWithin(SHASHI.longitude, SHASHI.latitude, 10));
      await s.page.waitForFunction(() => location.search.includes('r=10'));
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('says a place outside Jingzhou is outside, and how far', async () => {
    // 武汉 (114.30°E 30.59°N), well outside 荆州市.
    const s = await openSession(baseUrl, { viewport: PHONES[1], isMobile: true, hasTouch: true, permissions: ['geolocation'], geolocation: { latitude: 30.59, longitude: 114.3 } });
    try {
      await s.page.goto(`${baseUrl}?tab=near`);
      await waitReady(s.page);
      await s.page.getByRole('button', { name: '定位我的位置' }).click();
      const alert = s.page.getByRole('alert');
      await expect(alert.first().textContent()).resolves.toMatch(/荆州市以外，距市界约 \d+ km/);
      await screenshot(s.page, 'near-outside-360x740');
    } finally {
      await s.close();
    }
  });

  it('explains a denied permission and offers search or a map tap', async () => {
    const s = await openSession(baseUrl, { viewport: PHONES[1], isMobile: true, hasTouch: true, permissions: [] });
    try {
      await s.page.goto(`${baseUrl}?tab=near`);
      await waitReady(s.page);
      await s.page.getByRole('button', { name: '定位我的位置' }).click();
      await expect(s.page.getByRole('alert').first().textContent()).resolves.toMatch(/定位权限被拒绝.*搜索地名.*点选/);
    } finally {
      await s.close();
    }
  });

  it('finds a typed place name, in Chinese or English, and offers a wider radius when nothing is near', async () => {
    const s = await openSession(baseUrl, { viewport: PHONES[0], isMobile: true, hasTouch: true });
    try {
      await s.page.goto(`${baseUrl}?tab=near`);
      await waitReady(s.page);
      const input = s.page.getByRole('searchbox', { name: /输入地名/ });
      await input.fill('郝穴');
      await s.page.locator('.place').first().click();
      await s.page.waitForFunction(() => location.search.includes('near=112.4'));
      await input.fill('Haoxue');
      await expect(s.page.locator('.place').first().textContent()).resolves.toContain('郝穴');
      // A place far from every project at 1 km: the panel offers the next radius.
      await s.page.getByRole('radio', { name: '1 km' }).click();
      const n = await s.page.locator('.near-row').count();
      if (n === 0) await expect(s.page.getByRole('button', { name: /扩大到 3 公里/ }).count()).resolves.toBe(1);
      else expect(n).toBe(expectedWithinPlace(s.page.url(), 1).length);
    } finally {
      await s.close();
    }
  });
});

function expectedWithinPlace(url: string, km: number): string[] {
  const [lon, lat] = new URL(url).searchParams.get('near')!.split(',').map(Number);
  return expectedWithin(lon, lat, km);
}
