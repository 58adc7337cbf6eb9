import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSession, screenshot, waitReady, type Session } from './browser';
import { projects } from './data';

const baseUrl = inject('baseUrl');
const tourIndex = (s: Session) => s.page.evaluate(() => Number(document.body.dataset.tourIndex ?? -1));
const playing = (s: Session) => s.page.evaluate(() => document.body.dataset.tourPlaying === 'true');

describe('presentation mode on a 4K screen', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openSession(baseUrl, { viewport: { width: 3840, height: 2160 } });
    // A long interval: the tour moves only when the test says so, until the timed test.
    await s.page.goto(`${baseUrl}?interval=600000&idle=1500`);
    await waitReady(s.page);
  });
  afterAll(async () => s?.close());

  it('enters with P: panels hidden, caption and dashboard shown, type large', async () => {
    await s.page.keyboard.press('p');
    await s.page.waitForSelector('body.presenting');
    await expect(s.page.locator('.topbar').isHidden()).resolves.toBe(true);
    await expect(s.page.locator('#sidebar').isHidden()).resolves.toBe(true);
    await expect(s.page.locator('.caption').isVisible()).resolves.toBe(true);
    await expect.poll(() => s.page.locator('.dash-left').textContent()).toContain(String(projects.features.length));
    expect(await tourIndex(s)).toBe(0);
    // No tiny text anywhere: every visible text is at least 28 px on a 3840 px wide screen.
    const sizes = await s.page.evaluate(() => [...document.querySelectorAll('body *')]
      .filter((e) => (e as HTMLElement).offsetParent !== null && [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()))
      .map((e) => parseFloat(getComputedStyle(e).fontSize)));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(28);
    await s.page.waitForTimeout(2500);
    await screenshot(s.page, 'present-overview-3840x2160');
  });

  it('advances by clicker keys and shows the project\'s quote', async () => {
    await s.page.keyboard.press('PageDown'); // the first theme
    expect(await tourIndex(s)).toBe(1);
    await expect(s.page.locator('.caption h2').textContent()).resolves.toBe('中心城市');
    await s.page.keyboard.press('ArrowRight'); // its first project
    expect(await tourIndex(s)).toBe(2);
    const first = projects.features.find((f) => f.properties.theme === 'urban')!;
    await expect(s.page.locator('.caption blockquote').textContent()).resolves.toBe(first.properties.quote);
    await expect(s.page.locator('.caption h2').textContent()).resolves.toContain(first.properties.name);
    await s.page.keyboard.press('PageUp');
    expect(await tourIndex(s)).toBe(1);
    await s.page.keyboard.press('PageDown');
    await s.page.waitForTimeout(3500);
    await screenshot(s.page, 'present-project-3840x2160');
  });

  it('pauses on Space and on pointer input, then resumes after the idle period', async () => {
    expect(await playing(s)).toBe(true);
    await s.page.keyboard.press(' ');
    expect(await playing(s)).toBe(false);
    await s.page.keyboard.press(' ');
    expect(await playing(s)).toBe(true);
    await s.page.mouse.click(1900, 900);
    expect(await playing(s)).toBe(false);
    await s.page.waitForFunction(() => document.body.dataset.tourPlaying === 'true', undefined, { timeout: 5000 });
  });

  it('leaves with Esc and gives the working screen back', async () => {
    await s.page.keyboard.press('Escape');
    await s.page.waitForSelector('body:not(.presenting)');
    await expect(s.page.locator('.topbar').isVisible()).resolves.toBe(true);
    await expect(s.page.locator('.caption').isHidden()).resolves.toBe(true);
    expect(s.errors).toEqual([]);
  });
});

describe('a kiosk', () => {
  it('starts the tour by itself, advances with time and honours the filters', async () => {
    const s = await openSession(baseUrl, { viewport: { width: 1920, height: 1080 } });
    try {
      await s.page.goto(`${baseUrl}?kiosk=1&interval=400&theme=ecology`);
      await waitReady(s.page);
      await s.page.waitForSelector('body.presenting');
      // Legible at 1920×1080 too: no visible text under 16 px.
      const sizes = await s.page.evaluate(() => [...document.querySelectorAll('body *')]
        .filter((e) => (e as HTMLElement).offsetParent !== null && [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()))
        .map((e) => parseFloat(getComputedStyle(e).fontSize)));
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(16);
      await s.page.waitForFunction(() => Number(document.body.dataset.tourIndex) >= 3, undefined, { timeout: 15000 });
      const ecology = projects.features.filter((f) => f.properties.theme === 'ecology');
      // overview + the ecology theme + its projects, nothing else.
      const total = await s.page.locator('.tour-counter').textContent();
      expect(total).toMatch(new RegExp(`/ ${ecology.length + 2}`));
      const captions = new Set<string>();
      for (let i = 0; i < 6; i++) {
        captions.add((await s.page.locator('.caption').textContent()) ?? '');
        await s.page.waitForTimeout(400);
      }
      expect(captions.size).toBeGreaterThan(2);
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
