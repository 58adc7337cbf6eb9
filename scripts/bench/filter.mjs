/** Filter change with 100k synthetic features (?bench=100000): main-thread time per change vs. one frame. */
import { waitSettled, withPage } from './_helpers.mjs';

const FRAME_MS = 1000 / 60;

export async function run(ctx) {
  const n = Number(process.env.BENCH_FILTER_FEATURES ?? 100_000);
  const fc = await withPage(async (page) => {
    await page.goto(`${ctx.appUrl}?bench=${n}`, { timeout: 300_000 });
    await waitSettled(page);
    const hasHook = await page.evaluate(() => typeof window.__jzbench?.toggleTheme === 'function');
    if (!hasHook) throw new Error('window.__jzbench.toggleTheme missing');
    return page.evaluate(() => window.__jzbench.toggleTheme(10));
  });
  return [{
    figure: `filter change, ${(fc.features / 1000).toFixed(0)}k synthetic features`,
    app: fc.median, anchor: FRAME_MS, anchorName: 'one frame at 60 Hz', ratio: fc.median / FRAME_MS, unit: 'ms',
    note: `main-thread time per change (GPU DataFilterExtension), median of ${fc.samples} toggles, max ${fc.max.toFixed(1)} ms`,
  }];
}

export const order = 20;
