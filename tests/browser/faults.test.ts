import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSession, waitReady, type Session } from './browser';
import { projects } from './data';

const baseUrl = inject('baseUrl');
type Hook = { __jzmap: { pickAll(): string[]; map: import('maplibre-gl').Map } };
const pickAll = (s: Session) => s.page.evaluate(() => (window as unknown as Hook).__jzmap.pickAll());
/** Padding included: flying to a project beside the details card leaves the map's padding changed. */
type Camera = { center: [number, number]; zoom: number; padding: import('maplibre-gl').PaddingOptions };

/**
 * Back to the first view (choosing a project flies the camera there), then what is drawn. The
 * pointer leaves the list first: a row under it is a hovered feature, drawn larger, over others.
 */
async function pickAllAt(s: Session, cam: Camera): Promise<string[]> {
  await s.page.mouse.move(700, 4);
  await s.page.waitForFunction(() => (window as unknown as { __jzmap: { store: { get(): { hoveredId: string | null } } } }).__jzmap.store.get().hoveredId === null);
  await s.page.evaluate((c) => new Promise<void>((done) => {
    const map = (window as unknown as Hook).__jzmap.map;
    map.stop();
    map.jumpTo(c);
    map.once('idle', () => done());
    map.triggerRepaint();
  }), cam);
  return pickAll(s);
}

describe('a fault in one panel stays in that panel', { timeout: 600_000 }, () => {
  let s: Session;
  let cam: Camera;
  let drawn: string[];
  beforeAll(async () => {
    s = await openSession(baseUrl);
    // The documented test hook (src/reliability/faults.ts): the statistics panel's render throws.
    await s.context.addInitScript(() => ((window as unknown as { __jzmapFaults: string[] }).__jzmapFaults = ['stats']));
    await s.page.goto(baseUrl, { timeout: 300_000 });
    await waitReady(s.page, 300_000);
    cam = await s.page.evaluate(() => {
      const m = (window as unknown as Hook).__jzmap.map;
      return { center: m.getCenter().toArray() as [number, number], zoom: m.getZoom(), padding: m.getPadding() };
    });
    drawn = await pickAllAt(s, cam);
  }, 600_000);
  afterAll(async () => s?.close());

  it('the failing panel says so in words; the map and the other panels keep working', async () => {
    await s.page.getByRole('tab', { name: '统计' }).click();
    const stats = s.page.locator('.stats');
    await expect(stats.getByRole('alert').textContent()).resolves.toContain('此部分出错');
    await expect(stats.textContent()).resolves.toContain('injected fault');
    // Other panels: the list selects, details show the quote, filters count, the map draws.
    await s.page.getByRole('tab', { name: '项目' }).click();
    const first = projects.features.find((f) => f.properties.name === '荆州沙市机场')!;
    await s.page.getByRole('searchbox', { name: /搜索/ }).fill('机场');
    await s.page.waitForFunction(() => Number(document.body.dataset.shown) > 0 && Number(document.body.dataset.shown) < 10);
    await s.page.locator(`[data-id="${first.properties.id}"]`).click();
    await expect(s.page.locator('#details blockquote').textContent()).resolves.toBe(first.properties.quote);
    await s.page.locator('#details .close').click();
    await s.page.getByRole('searchbox', { name: /搜索/ }).fill('');
    await s.page.waitForFunction((n) => Number(document.body.dataset.shown) === n, projects.features.length);
    expect(drawn.length).toBeGreaterThan(20);
    expect((await pickAllAt(s, cam)).sort()).toEqual([...drawn].sort());
    await s.page.getByRole('tab', { name: '全市事项' }).click();
    await expect.poll(() => s.page.locator('.citywide').textContent()).toContain('城乡居民收入增长');
    // The panel error is not a page error.
    await expect(s.page.locator('.error-report').isHidden()).resolves.toBe(true);
  });

  it('an unhandled error and an unhandled rejection are reported on the page', async () => {
    await s.page.evaluate(() => {
      setTimeout(() => {
        throw new Error('a handler failed (test)');
      });
      void Promise.reject(new Error('a promise failed (test)'));
    });
    const box = s.page.locator('.error-report[role=alert]');
    await box.waitFor({ state: 'visible' });
    await s.page.waitForFunction(() => document.querySelector('.error-report')!.textContent!.includes('a handler failed'));
    const text = await box.textContent();
    expect(text).toContain('页面出现错误');
    expect(text).toContain('a promise failed (test)');
    // The person can close it, and the map still answers.
    await box.getByRole('button', { name: '关闭' }).click();
    await expect(box.isHidden()).resolves.toBe(true);
    expect((await pickAllAt(s, cam)).sort()).toEqual([...drawn].sort());
  });
});

describe('a part of the app whose code cannot be fetched', { timeout: 600_000 }, () => {
  let s: Session;
  beforeAll(async () => {
    s = await openSession(baseUrl);
    // The statistics tab's code, fetched at its first opening, never arrives (a deployment that
    // replaced it, a network gone before the service worker held it).
    await s.page.route(/\/assets\/stats-panel-[^/]+\.js$/, (r) => r.abort('internetdisconnected'));
    await s.page.goto(baseUrl, { timeout: 300_000 });
    await waitReady(s.page, 300_000);
  }, 600_000);
  afterAll(async () => s?.close());

  it('says so in its panel, in both languages, and the rest keeps working', async () => {
    await s.page.getByRole('tab', { name: '统计' }).click();
    const alert = s.page.locator('.stats').getByRole('alert');
    await expect(alert.textContent()).resolves.toContain('此部分出错');
    const text = await s.page.locator('.stats').textContent();
    expect(text).toContain('程序未能加载，请刷新页面后重试');
    expect(text).toContain('reload the page and try again');
    await expect(s.page.locator('.stats').getAttribute('aria-busy')).resolves.toBeNull();
    // The other tabs fetch their own parts and show them.
    await s.page.getByRole('tab', { name: '全市事项' }).click();
    await expect.poll(() => s.page.locator('.citywide').textContent()).toContain('地区生产总值增长');
    await s.page.getByRole('tab', { name: '项目' }).click();
    await s.page.locator('.project-list [role=option]').first().click();
    await s.page.locator('#details blockquote').waitFor({ state: 'visible' });
  });
});
