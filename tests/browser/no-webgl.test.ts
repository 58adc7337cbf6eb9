import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSession, screenshot, waitReady, type Session } from './browser';
import { projects } from './data';

const baseUrl = inject('baseUrl');

for (const device of [{ name: 'laptop', viewport: { width: 1440, height: 900 } }, { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }]) {
  describe(`a browser without WebGL (${device.name})`, { timeout: 600_000 }, () => {
    let s: Session;
    beforeAll(async () => {
      s = await openSession(baseUrl, { ...device, args: ['--disable-webgl', '--disable-3d-apis'] });
      await s.page.goto(baseUrl, { timeout: 300_000 });
      await waitReady(s.page, 300_000);
    }, 600_000);
    afterAll(async () => s?.close());

    it('says the map cannot be drawn here, and lists every project', async () => {
      expect(await s.page.evaluate(() => ({ ready: document.body.dataset.ready, webgl: document.body.dataset.webgl }))).toEqual({ ready: 'true', webgl: 'none' });
      await expect(s.page.locator('#map [role=status]').textContent()).resolves.toContain('此设备无法绘制地图');
      await expect(s.page.locator('.list-summary').textContent()).resolves.toContain(String(projects.features.length));
      await expect(s.page.locator('#present-button').count()).resolves.toBe(0);
      await screenshot(s.page, `no-webgl-${device.viewport.width}x${device.viewport.height}`);
    });

    it('searches, filters, shows details with the quote, the citywide figures, and downloads', async () => {
      const airport = projects.features.find((f) => f.properties.name === '荆州沙市机场')!;
      await s.page.getByRole('searchbox', { name: /搜索/ }).fill('机场');
      await s.page.waitForFunction(() => Number(document.body.dataset.shown) < 10);
      await s.page.locator(`[data-id="${airport.properties.id}"]`).click();
      await expect(s.page.locator('#details blockquote').textContent()).resolves.toBe(airport.properties.quote);
      await expect(s.page.locator('#details').isVisible()).resolves.toBe(true);
      await s.page.locator('#details .close').click();
      await s.page.getByRole('searchbox', { name: /搜索/ }).fill('');
      const ecology = projects.features.filter((f) => f.properties.theme === 'ecology').length;
      await s.page.locator('[data-facet=themes][data-key=ecology]').uncheck();
      await s.page.waitForFunction((n) => Number(document.body.dataset.shown) === n, projects.features.length - ecology);
      const [csv] = await Promise.all([s.page.waitForEvent('download'), s.page.getByRole('button', { name: '下载 CSV' }).click()]);
      const lines = (await csv.createReadStream().then((r) => new Promise<string>((done) => {
        let t = '';
        r.on('data', (c) => (t += c));
        r.on('end', () => done(t));
      }))).trim().split('\n');
      expect(lines.length - 1).toBe(projects.features.length - ecology);
      await s.page.getByRole('tab', { name: '全市事项' }).click();
      await expect.poll(() => s.page.locator('.citywide').textContent()).toContain('地区生产总值增长');
      expect(s.errors).toEqual([]);
    });
  });
}
