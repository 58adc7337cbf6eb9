#!/usr/bin/env node
/**
 * Takes screenshots of the built app (laptop, phone, 4K) into tests/artifacts/ for a person to look at.
 *   node scripts/screenshots.mjs [query…]     e.g.  node scripts/screenshots.mjs "?sel=jingzhou-shashi-airport"
 * ACTION=file.mjs runs that module's default export `(page, size) => …` after the app is ready and
 * before the shot (to open a dialog, import a file…). SIZES=laptop,phone picks sizes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';

const SIZES = { laptop: [1440, 900], phone: [390, 844], phone360: [360, 740], uhd: [3840, 2160] };
const queries = process.argv.slice(2).length ? process.argv.slice(2) : [''];
const out = path.resolve('tests/artifacts');
fs.mkdirSync(out, { recursive: true });
if (!process.env.NO_BUILD) await build({ logLevel: 'warn' });
const server = await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
const base = `http://127.0.0.1:${server.httpServer.address().port}/`;
const only = process.env.SIZES ? process.env.SIZES.split(',') : Object.keys(SIZES);
for (const name of only) {
  const [width, height] = SIZES[name];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jzshot-'));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, viewport: { width, height },
    isMobile: name.startsWith('phone'), hasTouch: name.startsWith('phone'),
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = ctx.pages()[0];
  page.on('pageerror', (e) => console.error('pageerror', e.message));
  page.on('console', (m) => m.type() === 'error' && console.error('console', m.text()));
  for (const [i, q] of queries.entries()) {
    await page.goto(base + q);
    await page.waitForFunction(() => document.body.dataset.ready, undefined, { timeout: 120000 });
    if (process.env.ACTION) await (await import(path.resolve(process.env.ACTION))).default(page, name);
    await page.waitForTimeout(Number(process.env.WAIT ?? 2500));
    const file = path.join(out, `shot-${name}-${i}.png`);
    await page.screenshot({ path: file });
    console.log(file);
  }
  await ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
await server.close();
