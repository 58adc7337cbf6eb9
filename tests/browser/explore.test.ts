import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openReady, screenshot, waitReady, type Session } from './browser';
import { byName, projects } from './data';

const baseUrl = inject('baseUrl');

/** Ids of the project features deck.gl can pick anywhere on the map: what the map shows. */
async function pickedIds(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __jzmap: { pickAll(): string[] } }).__jzmap.pickAll());
}
const rows = (page: Page) => page.locator('.project-list [role=option]');
/** A facet's checkbox, by its visible label: the theme, status, county or kind. */
const facet = (page: Page, label: string) => page.locator('.facet', { hasText: new RegExp(`^${label}\\d+$`) }).locator('input');
/** Does `action`, then waits until the app has written the URL (it does so once changes settle). */
async function settled(page: Page, action: () => Promise<unknown>): Promise<void> {
  await page.evaluate(() => delete document.body.dataset.url);
  await action();
  await page.waitForFunction(() => document.body.dataset.url === 'written');
}

describe('exploring the projects', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openReady(`${baseUrl}?lang=zh`);
    defaultScreen = await screenState();
  });
  afterAll(async () => s?.close());
  /** What the user sees that a test can change: the store (but the pointer's hover) and the details. */
  const screenState = () => s.page.evaluate(() => {
    const st = (window as unknown as { __jzmap: { store: { get(): Record<string, unknown> & { datasets: { id: string }[] } } } }).__jzmap.store.get();
    const { hoveredId: _, datasets, ...rest } = st;
    return JSON.stringify({ ...rest, datasets: datasets.map((d) => d.id), details: !document.getElementById('details')!.hidden });
  });
  let defaultScreen = '';
  /**
   * Each test starts from the default screen, so one failure does not cascade: a fresh load, unless
   * the last test left the screen exactly as a fresh load shows it (each load costs ~5 s in
   * software WebGL, most of this file's time).
   */
  async function fresh(query = ''): Promise<void> {
    if (!query && defaultScreen && (await screenState()) === defaultScreen) return;
    await s.page.goto(`${baseUrl}?lang=zh${query}`);
    await waitReady(s.page);
    if (!query) defaultScreen = await screenState();
  }

  it('lists every project and draws them all', async () => {
    expect(await rows(s.page).count()).toBe(projects.features.length);
    const picked = await pickedIds(s.page);
    // Everything placed inside the first view is drawn and pickable.
    expect(picked.length).toBeGreaterThan(projects.features.length * 0.8);
    await screenshot(s.page, 'explore-all-1440x900');
  });

  it('unticking 生态文明 removes exactly the ecology projects from the list and the map', async () => {
    const ecology = projects.features.filter((f) => f.properties.theme === 'ecology').map((f) => f.properties.id);
    expect(ecology.length).toBeGreaterThan(5);
    await fresh();
    const before = await pickedIds(s.page);
    await facet(s.page, '生态文明').uncheck();
    expect(await rows(s.page).count()).toBe(projects.features.length - ecology.length);
    const listed = await rows(s.page).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id));
    expect(listed.some((id) => ecology.includes(id!))).toBe(false);
    const after = await pickedIds(s.page);
    expect(after.filter((id) => ecology.includes(id))).toEqual([]);
    // Everything else drawn before is still drawn (more may show where ecology areas covered it).
    expect(before.filter((id) => !ecology.includes(id) && !after.includes(id))).toEqual([]);
    await expect(s.page.locator('.list-summary').textContent()).resolves.toContain(`${projects.features.length - ecology.length} /`);
    await facet(s.page, '生态文明').check();
  });

  it('counts each theme under the other filters', async () => {
    await fresh();
    // Untick every county but 洪湖市.
    for (const c of ['荆州区', '沙市区', '江陵县', '松滋市', '公安县', '石首市', '监利市']) await facet(s.page, c).uncheck();
    const inHonghu = projects.features.filter((f) => f.properties.county.includes('洪湖市'));
    const ecoInHonghu = inHonghu.filter((f) => f.properties.theme === 'ecology').length;
    await expect(s.page.locator('[data-facet=themes][data-key=ecology] ~ .count').textContent()).resolves.toBe(String(ecoInHonghu));
    expect(await rows(s.page).count()).toBe(inHonghu.length);
    await s.page.getByRole('button', { name: '重置筛选' }).click();
    expect(await rows(s.page).count()).toBe(projects.features.length);
  });

  it('searching 机场 leaves 荆州沙市机场', async () => {
    await fresh();
    await s.page.getByRole('searchbox', { name: /搜索/ }).fill('机场');
    const names = await rows(s.page).allTextContents();
    expect(names.some((n) => n.includes('荆州沙市机场'))).toBe(true);
    const expected = projects.features.filter((f) => [f.properties.name, f.properties.name_en, f.properties.quote].some((x) => x.replace(/\s+/g, '').toLowerCase().includes('机场')));
    expect(names.length).toBe(expected.length);
    await s.page.getByRole('searchbox', { name: /搜索/ }).fill('');
  });

  it('Enter on a row opens its details with the report\'s words; Esc closes them', async () => {
    await fresh();
    const airport = byName('荆州沙市机场');
    const list = s.page.getByRole('listbox', { name: '项目列表' });
    await list.focus();
    const index = (await rows(s.page).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id))).indexOf(airport.properties.id);
    for (let i = 0; i < index; i++) await s.page.keyboard.press('ArrowDown');
    await s.page.keyboard.press('Enter');
    const details = s.page.locator('#details');
    await expect(details.locator('h2').textContent()).resolves.toBe('荆州沙市机场');
    await expect(details.locator('blockquote').textContent()).resolves.toBe(airport.properties.quote);
    await expect(details.locator('mark').textContent()).resolves.toBe('荆州沙市机场');
    await expect(s.page.locator(`[data-id="${airport.properties.id}"]`).getAttribute('aria-selected')).resolves.toBe('true');
    await s.page.waitForTimeout(1500);
    await screenshot(s.page, 'explore-details-1440x900');
    await s.page.keyboard.press('Escape');
    await expect(details.isHidden()).resolves.toBe(true);
  });

  it('clicking a project on the map selects its row', async () => {
    await fresh();
    const airport = byName('荆州沙市机场');
    const [lon, lat] = (airport.geometry as GeoJSON.Point).coordinates;
    const pt = await s.page.evaluate(async ([x, y]) => {
      const m = (window as unknown as { __jzmap: { map: import('maplibre-gl').Map } }).__jzmap.map;
      const idle = new Promise((r) => m.once('idle', r));
      m.jumpTo({ center: [x, y], zoom: 12 });
      await idle;
      const p = m.project([x, y]);
      const r = m.getCanvas().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    }, [lon, lat]);
    await s.page.waitForTimeout(300);
    await s.page.mouse.click(pt.x, pt.y, { delay: 80 }); // a person's click lasts ~100 ms
    await expect(s.page.locator('#details h2').textContent()).resolves.toBe('荆州沙市机场');
    await expect(s.page.locator(`[data-id="${airport.properties.id}"]`).getAttribute('aria-selected')).resolves.toBe('true');
  });

  it('rings a chosen site with its radius of uncertainty, and removes the ring when it is closed', async () => {
    const tower = byName('电视塔新塔');
    const [lon, lat] = (tower.geometry as GeoJSON.Point).coordinates;
    const km = tower.properties!.precision_m / 1000;
    await fresh(`&sel=${tower.properties!.id}`);
    await expect.poll(() => s.page.locator('#details').textContent()).toContain('地图上的圆圈');
    // Colours at a place inside the ring (half its radius west of the site) and one outside it
    // (1.5 radii west), with the map held still; then again once the details are closed.
    const sample = () => s.page.evaluate(async ([x, y, r]) => {
      const m = (window as unknown as { __jzmap: { map: import('maplibre-gl').Map } }).__jzmap.map;
      const idle = new Promise((res) => m.once('idle', res));
      m.jumpTo({ center: [x, y], zoom: 10.5 });
      await idle;
      await new Promise((res) => setTimeout(res, 300));
      const dLon = (k: number) => k / (111.32 * Math.cos((y * Math.PI) / 180));
      const img = window.__mapImage();
      const at = (k: number) => {
        const p = m.project([x - dLon(k), y]);
        const o = (Math.round(p.y * devicePixelRatio) * img.width + Math.round(p.x * devicePixelRatio)) * 4;
        return [img.data[o], img.data[o + 1], img.data[o + 2]];
      };
      return { inside: at(r * 0.5), outside: at(r * 1.5) };
    }, [lon, lat, km]);
    const ringed = await sample();
    await s.page.locator('#details .close').click();
    await expect(s.page.locator('#details').isHidden()).resolves.toBe(true);
    await s.page.waitForTimeout(300);
    const plain = await sample();
    const diff = (a: number[], b: number[]) => a.reduce((sum, v, i) => sum + Math.abs(v - b[i]), 0);
    expect(diff(ringed.inside, plain.inside), 'the ring tints the map inside it').toBeGreaterThan(6);
    expect(diff(ringed.outside, plain.outside), 'and nothing outside it').toBeLessThanOrEqual(3);
    expect(s.errors).toEqual([]);
  });

  it('restores filters, search, selection and view after a reload', async () => {
    const airport = byName('荆州沙市机场');
    await fresh(`&sel=${airport.properties.id}`);
    await s.page.waitForTimeout(1500); // the flight to the selection
    await facet(s.page, '民生福祉').uncheck();
    await s.page.getByRole('searchbox', { name: /搜索/ }).fill('荆州');
    const countBefore = await rows(s.page).count();
    await settled(s.page, () => s.page.getByRole('searchbox', { name: /搜索/ }).press('End'));
    const urlBefore = s.page.url();
    await s.page.reload();
    await waitReady(s.page);
    expect(s.page.url()).toBe(urlBefore);
    await expect(facet(s.page, '民生福祉').isChecked()).resolves.toBe(false);
    await expect(s.page.getByRole('searchbox', { name: /搜索/ }).inputValue()).resolves.toBe('荆州');
    expect(await rows(s.page).count()).toBe(countBefore);
    await expect(s.page.locator('#details h2').textContent()).resolves.toBe('荆州沙市机场');
    const z = await s.page.evaluate(() => (window as unknown as { __jzmap: { map: import('maplibre-gl').Map } }).__jzmap.map.getZoom());
    expect(z).toBeGreaterThan(11);
  });

  it('switches every label to English and remembers it', async () => {
    await s.page.goto(baseUrl);
    await waitReady(s.page);
    await settled(s.page, () => s.page.getByRole('button', { name: '切换到英文' }).click());
    await expect(s.page.locator('#app-title').textContent()).resolves.toBe('Jingzhou Works Map');
    await expect(facet(s.page, 'Ecology').count()).resolves.toBe(1);
    await expect(s.page.getByRole('tab', { name: 'Statistics' }).count()).resolves.toBe(1);
    await expect(s.page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await s.page.goto(baseUrl); // no lang in the URL: remembered
    await waitReady(s.page);
    await expect(s.page.locator('#app-title').textContent()).resolves.toBe('Jingzhou Works Map');
    await screenshot(s.page, 'explore-english-1440x900');
    await settled(s.page, () => s.page.getByRole('button', { name: 'Switch to Chinese' }).click());
  });

  it('shows the default screen for hostile URL values, with no script run', async () => {
    const hostile = '?theme=%3Cscript%3Ewindow.pwned%3D1%3C%2Fscript%3E&q=%3Cimg%20src%3Dx%20onerror%3Dwindow.pwned%3D1%3E&sel=%22%3E%3Cscript%3E&z=1e999&lon=NaN&tab=%3Cb%3E&lang=xx';
    await s.page.evaluate(() => localStorage.clear()); // a first visit
    await s.page.goto(baseUrl + hostile);
    await waitReady(s.page);
    expect(await rows(s.page).count()).toBe(projects.features.length);
    await expect(s.page.getByRole('searchbox', { name: /搜索/ }).inputValue()).resolves.toBe('');
    expect(await s.page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await expect(s.page.locator('#details').isHidden()).resolves.toBe(true);
    expect(s.errors).toEqual([]);
    expect(s.foreign).toEqual([]);
  });

  it('downloads what the filters show, as GeoJSON and as CSV with a UTF-8 BOM', async () => {
    await fresh('&theme=ecology');
    const ecology = projects.features.filter((f) => f.properties.theme === 'ecology');
    const [geo] = await Promise.all([s.page.waitForEvent('download'), s.page.getByRole('button', { name: /GeoJSON/ }).click()]);
    const fc = JSON.parse(fs.readFileSync((await geo.path())!, 'utf8')) as GeoJSON.FeatureCollection;
    expect(fc.features.map((f) => f.properties!.id).sort()).toEqual(ecology.map((f) => f.properties.id).sort());
    expect(fc.features[0].properties!.quote).toBeTruthy();
    const [csv] = await Promise.all([s.page.waitForEvent('download'), s.page.getByRole('button', { name: '下载 CSV' }).click()]);
    const text = fs.readFileSync((await csv.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.trim().split('\r\n')).toHaveLength(ecology.length + 1);
    expect(text).toContain('洪湖全域水环境综合治理');
  });

  it('shows the statistics and citywide panels following the filters', async () => {
    await fresh();
    // Both panels' code (and the citywide file) come with the first click on their tab.
    await s.page.getByRole('tab', { name: '统计' }).click();
    await s.page.locator('.stats svg').first().waitFor();
    await expect(s.page.locator('.stats svg').count()).resolves.toBe(2);
    await s.page.getByRole('tab', { name: '全市事项' }).click();
    await s.page.locator('.citywide .citywide-item').first().waitFor();
    await expect(s.page.locator('.citywide').textContent()).resolves.toContain('53159');
    await expect(s.page.locator('.citywide').textContent()).resolves.toContain('地区生产总值增长');
    await screenshot(s.page, 'explore-citywide-1440x900');
    await s.page.getByRole('tab', { name: '项目' }).click();
  });
});
