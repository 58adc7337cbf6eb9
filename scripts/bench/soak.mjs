/**
 * Soak (issue 15): the kiosk tour for a simulated 8 hours, accelerated as the 1-hour tour section
 * is (a stop every 60 ms instead of 9 s: 3200 stops = 8 h). Samples at 17 points, each as the
 * tour reaches its first stop (the same view every time): the page's DOM element count and live
 * WebGL objects by kind — an init script wraps WebGL2RenderingContext's create and delete calls
 * (MapLibre and deck.gl both go through them), so a texture or buffer made per stop and never
 * freed shows as growth — then the JS heap after a forced GC.
 * Warm-up is the first sixteenth (200 stops, about three rounds of the tour). Target: heap growth
 * after warm-up ≤ 5 MB, no growth in DOM elements, WebGL objects bounded (see the judging below:
 * the counts swing with MapLibre's tile cache). Only with `npm run bench`
 * (`BENCH_ONLY=soak npm run bench` for this alone); never part of `npm test`.
 * SOAK_STOPS (default 3200) shortens it.
 */
import { waitSettled, withPage } from './_helpers.mjs';

const KINDS = ['Texture', 'Buffer', 'Program', 'Shader', 'Framebuffer', 'Renderbuffer', 'VertexArray', 'Query', 'Sampler'];

/** Runs in the page before the app: counts live WebGL objects by kind, on every WebGL2 context. */
function countGl(kinds) {
  const live = Object.fromEntries(kinds.map((k) => [k, 0]));
  window.__glLive = live;
  const proto = WebGL2RenderingContext.prototype;
  const freed = new WeakSet();
  for (const kind of kinds) {
    const create = proto[`create${kind}`];
    const del = proto[`delete${kind}`];
    if (!create || !del) continue;
    proto[`create${kind}`] = function (...a) {
      const o = create.apply(this, a);
      if (o) live[kind]++;
      return o;
    };
    proto[`delete${kind}`] = function (o) {
      // Deleting twice, or deleting null, frees nothing.
      if (o && !freed.has(o)) {
        freed.add(o);
        live[kind]--;
      }
      return del.call(this, o);
    };
  }
}

export async function run(ctx) {
  const STOPS = Number(process.env.SOAK_STOPS ?? 3200);
  const INTERVAL = 60;
  const t0 = Date.now();
  const samples = await withPage(async (page, cdp) => {
    await page.context().addInitScript(countGl, KINDS);
    await page.goto(`${ctx.appUrl}?kiosk=1&interval=${INTERVAL}`, { timeout: 300_000 });
    await waitSettled(page, 300_000);
    // Counted the moment the tour reaches its first stop (the overview) at or after stop `from`, so
    // every sample sees the map at the same place in its loop: the base map's tile and label
    // textures come and go with the view, and a sample in mid-loop would compare unlike views.
    const sample = async (from) => {
      const at = await page.evaluate((k) => new Promise((done) => {
        // MapLibre's tiles, shown and cached: each holds its own buffers, vertex arrays and label textures.
        const tiles = () => Object.values(window.__jzmap.map.style.tileManagers ?? {}).reduce((n, m) => n + m._inViewTiles.getAllTiles().length + m._outOfViewCache.order.length, 0);
        const take = () => ({ nodes: document.getElementsByTagName('*').length, gl: { ...window.__glLive }, tiles: tiles(), stop: Number(document.body.dataset.tourSteps ?? 0) });
        const ready = () => Number(document.body.dataset.tourSteps ?? 0) >= k && document.body.dataset.tourIndex === '0';
        if (ready()) return done(take());
        const watch = new MutationObserver(() => {
          if (!ready()) return;
          watch.disconnect();
          done(take());
        });
        watch.observe(document.body, { attributes: true, attributeFilter: ['data-tour-index'] });
      }), from);
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize / 1048576;
      return { ...at, heap };
    };
    const every = Math.max(1, Math.floor(STOPS / 16));
    const out = [await sample(0)];
    for (let next = every; next <= STOPS; next += every) {
      out.push(await sample(next));
      const s = out.at(-1);
      console.log(`  soak stop ${String(s.stop).padStart(5)}: heap ${s.heap.toFixed(1)} MB, DOM ${s.nodes}, tiles ${s.tiles}, GL ${KINDS.filter((k) => s.gl[k]).map((k) => `${k} ${s.gl[k]}`).join(' ')}`);
    }
    return out;
  }, { width: 1920, height: 1080 });

  // Counts swing from sample to sample (MapLibre keeps a bounded cache of tiles, each with its own
  // buffers and label textures; which tiles are cached depends on where the flights were cut), so
  // a single sample proves nothing. Growth is the least-squares slope over the samples after
  // warm-up, projected over the run: a leak of one object per stop would add ~3000, the swing is a
  // few hundred either way. Heap and DOM: the last four samples' mean minus the first four's.
  const start = samples[0];
  const after = samples.slice(1);
  const early = after.slice(0, 4);
  const late = after.slice(-4);
  const mean = (xs, f) => xs.reduce((a, x) => a + f(x), 0) / xs.length;
  const last = samples.at(-1);
  const hours = (last.stop * 9) / 3600;
  const used = KINDS.filter((k) => samples.some((x) => x.gl[k]));
  const heapGrowth = mean(late, (x) => x.heap) - mean(early, (x) => x.heap);
  const domGrowth = mean(late, (x) => x.nodes) - mean(early, (x) => x.nodes);
  const span = last.stop - after[0].stop;
  const trend = (f) => {
    const mx = mean(after, (x) => x.stop);
    const my = mean(after, f);
    const slope = after.reduce((a, x) => a + (x.stop - mx) * (f(x) - my), 0) / after.reduce((a, x) => a + (x.stop - mx) ** 2, 0);
    return slope * span;
  };
  // The same trend with MapLibre's tile count taken out: least squares of count = a + b·stop + c·tiles.
  // b·span is what grows with time whatever the cache holds (a leak); c is each tile's share.
  const trendBeyondTiles = (f) => {
    const mx = mean(after, (x) => x.stop), mt = mean(after, (x) => x.tiles), my = mean(after, f);
    let sxx = 0, stt = 0, sxt = 0, sxy = 0, sty = 0;
    for (const x of after) {
      const dx = x.stop - mx, dt = x.tiles - mt, dy = f(x) - my;
      sxx += dx * dx; stt += dt * dt; sxt += dx * dt; sxy += dx * dy; sty += dt * dy;
    }
    const det = sxx * stt - sxt * sxt;
    // The tile count never changed: the plain trend.
    if (Math.abs(det) < 1e-9) return { growth: trend(f), perTile: 0 };
    return { growth: ((sxy * stt - sty * sxt) / det) * span, perTile: (sty * sxx - sxy * sxt) / det };
  };
  const glRaw = Object.fromEntries(used.map((k) => [k, trend((x) => x.gl[k])]));
  const glFit = Object.fromEntries(used.map((k) => [k, trendBeyondTiles((x) => x.gl[k])]));
  const glGrowth = Object.fromEntries(used.map((k) => [k, glFit[k].growth]));
  const range = (f) => `${Math.min(...after.map(f))}–${Math.max(...after.map(f))}`;
  // Bounded: the fitted growth is under a quarter of the mean count (a one-per-stop leak is ~3000).
  const glOk = used.every((k) => glGrowth[k] <= Math.max(4, 0.25 * mean(after, (x) => x.gl[k])));
  const ok = heapGrowth <= 5 && domGrowth <= 0 && glOk;
  const ran = `${last.stop} stops at ${INTERVAL} ms (= ${hours.toFixed(1)} h at 9 s) in ${((Date.now() - t0) / 1000).toFixed(0)} s; heap and DOM: means of samples at stops ${early.map((x) => x.stop).join('/')} vs ${late.map((x) => x.stop).join('/')}`;
  return [
    {
      figure: `soak: heap growth after warm-up (${hours.toFixed(1)} h of stops)`,
      app: heapGrowth, anchor: 5, anchorName: 'limit', ratio: null, unit: 'MB',
      note: `${ok ? 'PASS' : 'FAIL'}; ${ran}; heap after forced GC: start ${start.heap.toFixed(1)} MB, after warm-up ${range((x) => x.heap.toFixed(1))} MB`,
    },
    {
      figure: 'soak: DOM elements growth after warm-up',
      app: domGrowth, anchor: 0, anchorName: 'limit', ratio: null, unit: '',
      note: `start ${start.nodes}, after warm-up ${range((x) => x.nodes)}, end ${last.nodes}`,
    },
    {
      figure: 'soak: MapLibre tiles shown and cached',
      app: mean(after, (x) => x.tiles), anchor: null, anchorName: '', ratio: null, unit: '',
      note: `start ${start.tiles}, after warm-up ${range((x) => x.tiles)}, end ${last.tiles}`,
    },
    ...used.map((k) => ({
      figure: `soak: live WebGL ${k}, growth over stops ${after[0].stop}–${last.stop} beyond the tile cache`,
      app: glGrowth[k], anchor: 0, anchorName: 'limit', ratio: null, unit: '',
      note: `start ${start.gl[k]}, after warm-up ${range((x) => x.gl[k])}, end ${last.gl[k]}; ${glFit[k].perTile.toFixed(1)} per cached tile; plain trend ${glRaw[k].toFixed(0)}`,
    })),
  ];
}

// After the 1-hour tour section: it is the longest.
export const order = 95;
