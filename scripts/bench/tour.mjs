/** Kiosk tour run fast (1 h of stops at 60 ms each): does the JS heap grow after warm-up? */
import { waitSettled, withPage } from './_helpers.mjs';

export async function run(ctx) {
  // 400 stops is one hour at the default 9 s a stop.
  const STOPS = Number(process.env.BENCH_TOUR_STOPS ?? 400);
  const INTERVAL = 60;
  const t0 = Date.now();
  const samples = await withPage(async (page, cdp) => {
    await page.goto(`${ctx.appUrl}?kiosk=1&interval=${INTERVAL}`, { timeout: 300_000 });
    await waitSettled(page);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize / 1048576;
    };
    const steps = () => page.evaluate(() => Number(document.body.dataset.tourSteps ?? 0));
    const every = Math.max(1, Math.floor(STOPS / 8));
    const out = [{ stop: await steps(), mb: await heap() }];
    for (let next = every; next <= STOPS; next += every) {
      await page.waitForFunction((k) => Number(document.body.dataset.tourSteps ?? 0) >= k, next, { timeout: 600_000, polling: 250 });
      out.push({ stop: await steps(), mb: await heap() });
    }
    return out;
  }, { width: 1920, height: 1080 });
  const hours = (STOPS * 9) / 3600;
  return [{
    figure: `kiosk tour heap growth after warm-up (${hours.toFixed(1)} h of stops)`,
    app: samples.at(-1).mb - samples[1].mb, anchor: null, anchorName: '', ratio: null, unit: 'MB',
    note: `${STOPS} stops at ${INTERVAL} ms in ${((Date.now() - t0) / 1000).toFixed(0)} s; heap after forced GC ${samples.map((m) => `${m.stop}:${m.mb.toFixed(1)}`).join(' ')}`,
  }];
}

// Last: it takes minutes.
export const order = 90;
