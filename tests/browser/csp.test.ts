import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSession, waitReady, type Session } from './browser';

const baseUrl = inject('baseUrl');

type Win = { __csp: string[]; __injected?: boolean; __evaluated?: boolean; __jzmap: { pickAll(): string[] } };

describe('the built app under its Content-Security-Policy', { timeout: 600_000 }, () => {
  let s: Session;
  beforeAll(async () => {
    s = await openSession(baseUrl);
    // Counts every violation the page reports, from the first byte on.
    await s.context.addInitScript(() => {
      const w = window as unknown as Win;
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await s.page.goto(baseUrl, { timeout: 300_000 });
    await waitReady(s.page, 300_000);
  }, 600_000);
  afterAll(async () => s?.close());

  const violations = () => s.page.evaluate(() => (window as unknown as Win).__csp);

  it('ships the policy in a meta tag: self-only scripts, no inline, no eval', async () => {
    const csp = await s.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it('loads, draws and works with no violation reported', async () => {
    expect(await s.page.evaluate(() => document.body.dataset.ready)).toBe('true');
    expect((await s.page.evaluate(() => (window as unknown as Win).__jzmap.pickAll())).length).toBeGreaterThan(20);
    // Panels that set inline styles (swatches, dots, bars) and every tab.
    await s.page.locator('.project-list [role=option]').first().click();
    await s.page.locator('#details blockquote').waitFor({ state: 'visible' });
    const swatch = await s.page.locator('#details .swatch').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(swatch).not.toBe('rgba(0, 0, 0, 0)');
    for (const tab of ['附近', '全市', '统计', '项目']) await s.page.getByRole('tab', { name: tab }).click();
    await s.page.getByRole('button', { name: /演示/ }).first().click();
    await s.page.waitForFunction(() => document.body.dataset.tourIndex !== undefined);
    await expect(s.page.locator('.dash-bar').first().evaluate((el) => (el as HTMLElement).style.width)).resolves.toMatch(/%$/);
    await s.page.keyboard.press('Escape');
    expect(await violations()).toEqual([]);
    expect(s.errors).toEqual([]);
  });

  it('blocks an injected inline script and string eval', async () => {
    await s.page.evaluate(() => {
      const el = document.createElement('script');
      el.textContent = 'window.__injected = true';
      document.body.append(el);
      // A string timer is compiled by the page itself (code evaluated from DevTools, as
      // page.evaluate is, is exempt from the eval rule), so it shows whether eval is allowed.
      (setTimeout as (code: string) => number)('window.__evaluated = true');
    });
    await s.page.waitForTimeout(300);
    const w = await s.page.evaluate(() => ({ injected: (window as unknown as Win).__injected ?? false, evaluated: (window as unknown as Win).__evaluated ?? false }));
    expect(w).toEqual({ injected: false, evaluated: false });
    const v = await violations();
    expect(v.some((x) => x.startsWith('script-src'))).toBe(true);
  });
});
