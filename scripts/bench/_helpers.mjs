/**
 * Shared helpers for the bench sections (scripts/bench/*.mjs). Files starting with `_` are not
 * sections. Every helper launches the SYSTEM Chromium with a fresh profile (never a downloaded one).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The same flags as tests/browser/browser.ts: software WebGL (SwiftShader), nothing phoning home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-quic', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];
export const DESKTOP = { width: 1440, height: 900 };
/** The phone case of issue 11: a 390×844 viewport with 4× CPU throttling. */
export const PHONE = { width: 390, height: 844, cpuThrottling: 4, deviceScaleFactor: 1, isMobile: true, hasTouch: true };

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
/** "min–max" of a list of numbers, to show the run-to-run spread beside a median. */
export const spread = (xs, digits = 0) => `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}`;

/**
 * Runs fn(page, cdp) in a fresh Chromium profile and closes it. opts: width, height,
 * deviceScaleFactor, isMobile, hasTouch, cpuThrottling (CDP Emulation.setCPUThrottlingRate,
 * applied before fn so it covers the page load).
 */
export async function withPage(fn, opts = DESKTOP) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jzbench-'));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: opts.width ?? DESKTOP.width, height: opts.height ?? DESKTOP.height },
    deviceScaleFactor: opts.deviceScaleFactor ?? 1,
    isMobile: opts.isMobile,
    hasTouch: opts.hasTouch,
  });
  try {
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    const cdp = await ctx.newCDPSession(page);
    if (opts.cpuThrottling) await cdp.send('Emulation.setCPUThrottlingRate', { rate: opts.cpuThrottling });
    return await fn(page, cdp);
  } finally {
    await ctx.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Waits for `document.body.dataset.ready === 'true'` (app and bare page both set it). */
export async function waitReady(page, timeout = 180_000) {
  await page.waitForFunction(() => document.body.dataset.ready === 'true' || document.body.dataset.ready === 'error', undefined, { timeout, polling: 50 });
  const ready = await page.evaluate(() => document.body.dataset.ready);
  if (ready !== 'true') throw new Error(`page reported ready=${ready}`);
}

/**
 * Waits until the app has settled: ready, and deck.gl drawing every layer in the first view's place
 * (`dataset.settled`; src/main.ts). For sections that work with the app's layers once it is whole.
 */
export async function waitSettled(page, timeout = 180_000) {
  await waitReady(page, timeout);
  await page.waitForFunction(() => document.body.dataset.settled === 'true', undefined, { timeout, polling: 50 });
}

/**
 * One cold load in a fresh profile: ms from navigation start to `dataset.readyAt` (the first view
 * drawn) and to `dataset.settledAt` (the app: deck.gl has drawn in its place; a page that does not
 * set it counts as settled when ready).
 */
export async function coldLoad(url, opts = DESKTOP) {
  return withPage(async (page) => {
    await page.goto(url, { timeout: 300_000 });
    await waitReady(page);
    const ready = Number(await page.evaluate(() => document.body.dataset.readyAt));
    const app = await page.evaluate(() => !!document.getElementById('sidebar'));
    if (app) await page.waitForFunction(() => document.body.dataset.settled === 'true', undefined, { timeout: 180_000, polling: 50 });
    const settled = app ? Number(await page.evaluate(() => document.body.dataset.settledAt)) : ready;
    return { ready, settled };
  }, opts);
}
