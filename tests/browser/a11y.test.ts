import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSession, screenshot, waitReady, type Session } from './browser';

const baseUrl = inject('baseUrl');
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }

/**
 * Runs axe-core on the page as it is. The script is evaluated through the DevTools protocol
 * (page.evaluate), which the page's Content-Security-Policy does not govern; a <script> tag
 * (page.addScriptTag) would be blocked by script-src 'self', as it should be.
 */
async function audit(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const res = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return res.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target })) }));
}

/** This machine is shared: a cold load can take minutes when it is busy. */
async function open(url: string, opts: Parameters<typeof openSession>[1] = {}): Promise<Session> {
  const s = await openSession(url, opts);
  await s.page.goto(url, { timeout: 300_000 });
  await waitReady(s.page, 300_000);
  return s;
}

const serious = (vs: Violation[]) => vs.filter((v) => v.impact === 'serious' || v.impact === 'critical');

describe('accessibility audit (axe-core) on a laptop', { timeout: 600_000 }, () => {
  let s: Session;
  beforeAll(async () => {
    s = await open(`${baseUrl}?interval=600000`);
  }, 600_000);
  afterAll(async () => s?.close());

  it('desktop: no serious or critical violation, and #map is a unique landmark', async () => {
    const vs = await audit(s.page);
    expect(serious(vs)).toEqual([]);
    expect(vs.filter((v) => v.id === 'landmark-unique')).toEqual([]);
  });

  it('details open: no serious or critical violation', async () => {
    await s.page.locator('.project-list [role=option]').first().click();
    await s.page.locator('#details blockquote').waitFor();
    expect(serious(await audit(s.page))).toEqual([]);
    await s.page.locator('#details .close').click();
  });

  it('import dialog open: no serious or critical violation', async () => {
    await s.page.locator('#import-button').click();
    await s.page.locator('.import-dialog[role=dialog]').waitFor({ state: 'visible' });
    expect(serious(await audit(s.page))).toEqual([]);
    await s.page.locator('.import-dialog .close').click();
    await s.page.locator('.import-dialog').waitFor({ state: 'hidden' });
  });

  it('base-map panel and the measuring panel open (draw toolbar): no serious or critical violation', async () => {
    await s.page.locator('.basemap-button').click();
    await s.page.locator('#basemap-panel').waitFor({ state: 'visible' });
    await s.page.locator('.draw-toolbar .draw-tool').first().click();
    await s.page.locator('.draw-panel').waitFor({ state: 'visible' });
    expect(serious(await audit(s.page))).toEqual([]);
    await screenshot(s.page, 'a11y-panels-1440x900');
    await s.page.locator('.draw-panel .close').click();
    await s.page.locator('.basemap-button').click();
    await s.page.locator('#basemap-panel').waitFor({ state: 'hidden' });
  });

  it('presentation: no serious or critical violation; a target with no number shows its words', async () => {
    await s.page.keyboard.press('p');
    await s.page.waitForSelector('body.presenting');
    const row = s.page.locator('.dash-figures li', { hasText: '城乡居民收入增长' });
    await expect(row.textContent()).resolves.toContain('与经济增长基本同步');
    await expect(row.textContent()).resolves.not.toMatch(/—/);
    await expect(row.locator('.dash-big').count()).resolves.toBe(0);
    // Every figure that is a figure is a number.
    const bigs = await s.page.locator('.dash-figures .dash-big').evaluateAll((els) => els.map((e) => e.firstChild?.textContent ?? ''));
    expect(bigs.length).toBeGreaterThan(5);
    for (const b of bigs) expect(b).toMatch(/^\d/);
    expect(serious(await audit(s.page))).toEqual([]);
    await screenshot(s.page, 'a11y-present-1440x900');
    await s.page.keyboard.press('Escape');
  });
});

describe('accessibility audit (axe-core) on a phone', { timeout: 600_000 }, () => {
  let s: Session;
  beforeAll(async () => {
    s = await open(baseUrl, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  }, 600_000);
  afterAll(async () => s?.close());

  it('附近 open: no serious or critical violation', async () => {
    await s.page.getByRole('tab', { name: '附近' }).click();
    await s.page.locator('.near').waitFor();
    const vs = await audit(s.page);
    expect(serious(vs)).toEqual([]);
    await screenshot(s.page, 'a11y-near-390x844');
  });
});
