import { preview } from 'vite';
import { chromium } from 'playwright-core';
import fs from 'node:fs';
const server = await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
const url = `http://127.0.0.1:${server.httpServer.address().port}/`;
async function shoot(viewport, name, fn) {
  const dir = fs.mkdtempSync('/tmp/shot-');
  const ctx = await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'], viewport, isMobile: viewport.width < 500, hasTouch: viewport.width < 500 });
  const page = ctx.pages()[0];
  page.setDefaultTimeout(180000);
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  try {
    await page.goto(url, { timeout: 180000 });
    await page.waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: 180000 });
    await fn(page);
  } finally {
    await ctx.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
const imp = async (page, file) => {
  await page.click('#import-button');
  await page.setInputFiles('#import-file', file);
  await page.waitForSelector('#import-add');
};
await shoot({ width: 390, height: 844 }, 'phone', async (page) => {
  await imp(page, 'tests/fixtures/import-bad-rows.csv');
  await page.screenshot({ path: '/tmp/shot-phone-dialog.png' });
  await page.click('#import-add');
  await page.waitForSelector('.import-backdrop', { state: 'hidden' });
  await page.waitForTimeout(1500);
  await page.screenshot({ path: '/tmp/shot-phone-layers.png' });
  await page.click('.sheet-toggle').catch(() => {});
  await page.waitForTimeout(800);
  await page.screenshot({ path: '/tmp/shot-phone-layers2.png' });
});
await shoot({ width: 1440, height: 900 }, 'desk', async (page) => {
  await imp(page, 'tests/fixtures/import-bad-rows.csv');
  await page.click('#import-add');
  await page.waitForSelector('.import-backdrop', { state: 'hidden' });
  await page.waitForTimeout(2500);
  await page.screenshot({ path: '/tmp/shot-desk.png' });
});
await server.close();
