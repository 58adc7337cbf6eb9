import { preview } from 'vite';
import { chromium } from 'playwright-core';
import fs from 'node:fs';
const server = await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
const url = `http://127.0.0.1:${server.httpServer.address().port}/`;
const dir = fs.mkdtempSync('/tmp/probe-');
const ctx = await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'], viewport: { width: 1440, height: 900 } });
const page = ctx.pages()[0];
page.setDefaultTimeout(120000);
page.on('console', (m) => console.log('console', m.type(), m.text().slice(0, 300)));
page.on('pageerror', (e) => console.log('pageerror', e.message));
try {
  await page.goto(url, { timeout: 180000 });
  await page.waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: 180000 });
  await page.click('#import-button');
  await page.setInputFiles('#import-file', 'tests/fixtures/import-utf8.csv');
  await page.waitForSelector('#import-add');
  await page.click('#import-add');
  await page.waitForSelector('.import-backdrop', { state: 'hidden' });
  await page.waitForTimeout(3000);
  for (const hide of [false, true]) {
    if (hide) await page.getByRole('checkbox', { name: /政府工作报告项目/ }).uncheck();
    const pt = await page.evaluate(async () => {
      const m = window.__jzmap.map;
      const idle = new Promise((r) => m.once('idle', r));
      m.jumpTo({ center: [112.262, 30.348], zoom: 14 });
      await idle;
      const p = m.project([112.262, 30.348]);
      const r = m.getCanvas().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    });
    await page.waitForTimeout(500);
    await page.mouse.click(pt.x, pt.y, { delay: 80 });
    await page.waitForTimeout(3000);
    console.log('hide', hide, 'sel', await page.evaluate(() => window.__jzmap.store.get().selectedId), await page.evaluate(() => window.__jzmap.pickAll().join(',')));
    await page.screenshot({ path: `/tmp/pick-${hide}.png` });
    await page.evaluate(() => window.__jzmap.store.set({ selectedId: null }));
  }
} finally {
  await ctx.close();
  await server.close();
}
