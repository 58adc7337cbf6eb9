/**
 * Where a cold load's time goes (issue 11 point 1): CPU time each Chromium process spent from
 * navigation to ready, app vs. the bare MapLibre page, at 1440×900, median of RUNS fresh browsers
 * each, interleaved. On two cores with software WebGL a load is CPU-bound, so the extra CPU of the
 * app's processes is its extra time. Linux only (reads /proc); elsewhere the section prints nothing.
 */
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, DESKTOP, median, waitReady } from './_helpers.mjs';

const TICKS_PER_S = 100; // USER_HZ on Linux

/** utime+stime in ms of every process under `root`, summed by Chromium process type (gpu, renderer…). */
function cpuByType(root) {
  const procs = [];
  for (const p of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmd = fs.readFileSync(`/proc/${p}/cmdline`, 'utf8');
      procs.push({ pid: Number(p), ppid: Number(f[1]), ms: ((Number(f[11]) + Number(f[12])) * 1000) / TICKS_PER_S, cmd });
    } catch {
      /* gone meanwhile */
    }
  }
  const inTree = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of procs) if (!inTree.has(p.pid) && inTree.has(p.ppid)) (inTree.add(p.pid), (grew = true));
  }
  const out = {};
  for (const p of procs) {
    if (!inTree.has(p.pid)) continue;
    const type = /--type=([a-z-]+)/.exec(p.cmd)?.[1] ?? 'browser';
    out[type] = (out[type] ?? 0) + p.ms;
  }
  return out;
}

async function oneLoad(url) {
  // A browser server, as only it tells its process id (a fresh temporary profile, as every load here).
  const server = await chromium.launchServer({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const browser = await chromium.connect(server.wsEndpoint());
  try {
    const page = await browser.newPage({ viewport: DESKTOP });
    const pid = server.process().pid;
    const before = cpuByType(pid);
    await page.goto(url, { timeout: 300_000 });
    await waitReady(page);
    const after = cpuByType(pid);
    const d = {};
    for (const k of Object.keys(after)) d[k] = after[k] - (before[k] ?? 0);
    return d;
  } finally {
    await browser.close();
    await server.close();
  }
}

export async function run(ctx) {
  if (!fs.existsSync('/proc/self/stat')) return [];
  const app = [];
  const bare = [];
  for (let i = 0; i < ctx.RUNS; i++) {
    app.push(await oneLoad(ctx.appUrl));
    bare.push(await oneLoad(ctx.bareUrl));
  }
  const types = ['gpu-process', 'renderer', 'browser', 'utility'];
  const total = (r) => Object.values(r).reduce((s, x) => s + x, 0);
  const row = (figure, pick) => {
    const a = median(app.map(pick));
    const b = median(bare.map(pick));
    return { figure, app: a, anchor: b, anchorName: 'bare MapLibre page', ratio: a / b, unit: 'ms', note: `median of ${ctx.RUNS} fresh browsers each, interleaved` };
  };
  return [
    row('CPU, navigation → ready, all processes (1440×900)', total),
    ...types.map((t) => row(`CPU, navigation → ready, ${t} (1440×900)`, (r) => r[t] ?? 0)),
  ];
}

export const order = 11;
