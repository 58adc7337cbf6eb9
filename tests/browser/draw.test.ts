import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import * as turf from '@turf/turf';
import type { Page } from 'playwright-core';
import { openSession, screenshot, waitReady } from './browser';

const baseUrl = inject('baseUrl');
const repo = path.resolve(import.meta.dirname, '../..');
// A view over 荆州 and 沙市 where the test's points are on screen.
const VIEW = 'lon=112.25&lat=30.33&z=11';
const A: [number, number] = [112.2, 30.31];
const B: [number, number] = [112.3, 30.355];
// 市民之家 (citizen-home) stands here: a measure click on it must not choose it.
const CITIZEN_HOME: [number, number] = [112.262, 30.348];

/** The page pixel of a WGS-84 position (the base map is WGS-84, so no display shift). */
async function pixel(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((ll) => {
    const { map } = (window as unknown as { __jzmap: { map: { project(c: [number, number]): { x: number; y: number }; getCanvas(): HTMLCanvasElement } } }).__jzmap;
    const p = map.project(ll);
    const r = map.getCanvas().getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  }, lngLat);
}

/** The colour of the map at a page pixel (the map canvas keeps its drawing buffer). */
async function rgbAt(page: Page, at: { x: number; y: number }): Promise<number[]> {
  return page.evaluate(({ x, y }) => {
    const r = document.querySelector('.maplibregl-canvas')!.getBoundingClientRect();
    const img = window.__mapImage();
    const k = img.width / r.width;
    const o = (Math.round((y - r.top) * k) * img.width + Math.round((x - r.left) * k)) * 4;
    return [img.data[o], img.data[o + 1], img.data[o + 2]];
  }, at);
}
const colourDistance = (a: number[], b: number[]) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

/** "12.34 km" / "850 m" → metres; "1,234 m²" / "1.234 km²" → m². */
function parseFigure(text: string): number {
  const m = /([\d,.]+)\s*(km²|m²|km|m)/.exec(text);
  if (!m) throw new Error(`no figure in ${text}`);
  const v = Number(m[1].replace(/,/g, ''));
  return { km: 1000, m: 1, 'km²': 1e6, 'm²': 1 }[m[2]]! * v;
}

/**
 * A session on `query`, ready. Timeouts are generous: on a machine shared by many builds a cold
 * load of the app has taken minutes; the assertions do not depend on speed.
 */
async function open(query: string, opts: Parameters<typeof openSession>[1] = {}) {
  const s = await openSession(baseUrl, opts);
  s.page.setDefaultTimeout(LONG);
  s.page.setDefaultNavigationTimeout(LONG);
  await s.page.goto(`${baseUrl}${query}`);
  await waitReady(s.page, LONG);
  return s;
}
const LONG = 300_000;
const poll = { timeout: 60_000 };

const figure = (page: Page) => page.locator('.measure-figure strong').innerText();
const selectedId = (page: Page) => page.evaluate(() => (window as unknown as { __jzmap: { store: { get(): { selectedId: string | null } } } }).__jzmap.store.get().selectedId);

describe('measure, sketch and correct', () => {
  it('measures a line between two known points within 0.5 % of turf, and an area in m², 亩 and 公顷; Esc cancels', async () => {
    const s = await open(`?${VIEW}`);
    try {
      const tool = s.page.getByRole('button', { name: /测量/ });
      await tool.click();
      await expect.poll(() => tool.getAttribute('aria-pressed'), poll).toBe('true');
      const a = await pixel(s.page, A);
      const b = await pixel(s.page, B);
      await s.page.mouse.click(a.x, a.y);
      // Live: the figure follows the pointer before the second click.
      const mid = await pixel(s.page, [(A[0] + B[0]) / 2, (A[1] + B[1]) / 2]);
      await s.page.mouse.move(mid.x, mid.y, { steps: 4 });
      await expect.poll(async () => parseFigure(await figure(s.page)), poll).toBeGreaterThan(1000);
      await s.page.mouse.click(b.x, b.y);
      await s.page.getByRole('button', { name: '完成', exact: true }).click();
      const expected = turf.distance(A, B, { units: 'kilometers' }) * 1000;
      await expect.poll(async () => Math.abs(parseFigure(await figure(s.page)) - expected) / expected, poll).toBeLessThan(0.005);
      await screenshot(s.page, 'draw-measure-line-1440x900');

      // An area: three corners, the last one on 市民之家 — which must not choose that project.
      await s.page.getByRole('button', { name: '面积', exact: true }).click();
      const corners: [number, number][] = [A, B, CITIZEN_HOME];
      for (const c of corners) {
        const p = await pixel(s.page, c);
        await s.page.mouse.click(p.x, p.y);
      }
      await s.page.keyboard.press('Enter');
      const area = turf.area(turf.polygon([[...corners, A]]));
      await expect.poll(async () => Math.abs(parseFigure(await figure(s.page)) - area) / area, poll).toBeLessThan(0.005);
      const sub = await s.page.locator('.measure-sub').innerText();
      const mu = Number(/([\d,.]+) 亩/.exec(sub)![1].replace(/,/g, ''));
      const ha = Number(/([\d,.]+) 公顷/.exec(sub)![1].replace(/,/g, ''));
      expect(Math.abs(mu - area / 666.67) / (area / 666.67)).toBeLessThan(0.005);
      expect(Math.abs(ha - area / 10000) / (area / 10000)).toBeLessThan(0.005);
      expect(await selectedId(s.page)).toBeNull();
      await screenshot(s.page, 'draw-measure-area-1440x900');

      await s.page.keyboard.press('Escape');
      await expect.poll(() => s.page.locator('.draw-panel').isHidden(), poll).toBe(true);
      expect(await s.page.evaluate(() => !!(window as unknown as { __jzmap: { map: { getLayer(id: string): unknown } } }).__jzmap.map.getLayer('td-linestring'))).toBe(false);

      // While measuring, a click on a project adds a point and does not choose the project;
      // once the tool is closed, the same click chooses it.
      const airport: [number, number] = [112.44854, 30.29281];
      await s.page.evaluate(async (c) => {
        const m = (window as unknown as { __jzmap: { map: import('maplibre-gl').Map } }).__jzmap.map;
        const idle = new Promise((r) => m.once('idle', r));
        m.jumpTo({ center: c, zoom: 12 });
        await idle;
      }, airport);
      await s.page.waitForTimeout(300);
      const at = await pixel(s.page, airport);
      await tool.click();
      await s.page.mouse.click(at.x, at.y, { delay: 80 });
      await s.page.waitForTimeout(1500);
      expect(await selectedId(s.page)).toBeNull();
      await s.page.keyboard.press('Escape');
      await expect.poll(() => s.page.locator('.draw-panel').isHidden(), poll).toBe(true);
      await s.page.mouse.click(at.x, at.y, { delay: 80 });
      await expect.poll(() => selectedId(s.page), poll).toBe('jingzhou-shashi-airport');
      expect(s.errors).toEqual([]);
      expect(s.foreign).toEqual([]);
    } finally {
      await s.close();
    }
  }, 900_000);

  it('measures with taps on a phone', async () => {
    const s = await open(`?lon=112.25&lat=30.25&z=10`, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    try {
      await s.page.getByRole('button', { name: /测量/ }).tap();
      // The panel opens once the drawing tools have loaded (on first use), as a user sees.
      await s.page.locator('.draw-panel').waitFor();
      // On a phone the measure panel covers the top of the map and the sheet its bottom: tap in
      // the band of map left between them, where a user would.
      const panel = (await s.page.locator('.draw-panel').boundingBox())!;
      const sheet = (await s.page.locator('.sidebar').boundingBox())!;
      expect(sheet.y - (panel.y + panel.height)).toBeGreaterThan(80);
      const a = { x: 60, y: panel.y + panel.height + 25 };
      const b = { x: 320, y: sheet.y - 25 };
      const [la, lb] = await s.page.evaluate(([p, q]) => {
        const { map } = (window as unknown as { __jzmap: { map: { unproject(c: [number, number]): { lng: number; lat: number }; getCanvas(): HTMLCanvasElement } } }).__jzmap;
        const r = map.getCanvas().getBoundingClientRect();
        return [p, q].map((o) => map.unproject([o.x - r.left, o.y - r.top])).map((l) => [l.lng, l.lat] as [number, number]);
      }, [a, b] as const);
      await s.page.touchscreen.tap(a.x, a.y);
      await s.page.waitForTimeout(300);
      await s.page.touchscreen.tap(b.x, b.y);
      await s.page.getByRole('button', { name: '完成', exact: true }).tap();
      const expected = turf.distance(la, lb, { units: 'kilometers' }) * 1000;
      await expect.poll(async () => Math.abs(parseFigure(await figure(s.page)) - expected) / expected, poll).toBeLessThan(0.005);
      expect(await s.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await screenshot(s.page, 'draw-measure-phone-390x844');
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  }, 900_000);

  it('sketches a polygon with a name and note; after a reload it is there; it downloads as GeoJSON and can be deleted', async () => {
    const s = await open(`?${VIEW}`);
    try {
      await s.page.getByRole('button', { name: /标注/ }).click();
      await s.page.getByRole('button', { name: '画面', exact: true }).click();
      const corners: [number, number][] = [[112.22, 30.3], [112.28, 30.3], [112.26, 30.34]];
      for (const c of corners) {
        const p = await pixel(s.page, c);
        await s.page.mouse.click(p.x, p.y);
      }
      // Close the ring on its first corner, as a user does.
      const first = await pixel(s.page, corners[0]);
      await s.page.mouse.click(first.x, first.y);
      await s.page.getByLabel('名称', { exact: true }).fill('拟建公园用地');
      await s.page.getByLabel('备注', { exact: true }).fill('规划科现场看过');
      await s.page.getByRole('button', { name: '保存', exact: true }).click();
      await expect.poll(() => s.page.locator('.sketch-list li').count(), poll).toBe(1);
      await screenshot(s.page, 'draw-sketch-1440x900');

      await s.page.reload();
      await waitReady(s.page, LONG);
      // 我的标注 is a layer in the 图层 list: one sketch; hiding it takes it off the map.
      await s.page.getByRole('tab', { name: '图层' }).click();
      await expect.poll(() => s.page.locator('.layer-sketches .layer-count').innerText(), poll).toContain('1');
      const inside = await pixel(s.page, [112.255, 30.31]);
      const shown = await rgbAt(s.page, inside);
      await s.page.getByRole('checkbox', { name: /我的标注/ }).uncheck();
      await expect.poll(async () => colourDistance(await rgbAt(s.page, inside), shown), poll).toBeGreaterThan(20);
      await s.page.getByRole('checkbox', { name: /我的标注/ }).check();
      await expect.poll(async () => colourDistance(await rgbAt(s.page, inside), shown), poll).toBeLessThan(6);
      await s.page.getByRole('button', { name: '编辑标注' }).click();
      await expect.poll(() => s.page.locator('.sketch-list li').innerText(), poll).toContain('拟建公园用地');
      expect(await s.page.locator('.sketch-list li').innerText()).toContain('规划科现场看过');
      const [dl] = await Promise.all([s.page.waitForEvent('download'), s.page.locator('.draw-panel').getByRole('button', { name: '下载我的标注 GeoJSON' }).click()]);
      const fc = JSON.parse(fs.readFileSync((await dl.path())!, 'utf8')) as GeoJSON.FeatureCollection<GeoJSON.Polygon>;
      expect(fc.features).toHaveLength(1);
      expect(fc.features[0].properties!.name).toBe('拟建公园用地');
      const ring = fc.features[0].geometry.coordinates[0];
      expect(ring).toHaveLength(4);
      // Each corner within 50 m of where it was clicked (a pixel here is about 50 m).
      for (const [i, c] of corners.entries()) expect(turf.distance(ring[i], c, { units: 'kilometers' })).toBeLessThan(0.05);

      s.page.once('dialog', (d) => d.accept());
      await s.page.getByRole('button', { name: '删除 拟建公园用地' }).click();
      await expect.poll(() => s.page.locator('.sketch-list li').count(), poll).toBe(0);
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  }, 900_000);

  it('corrects a point project by dragging it; after a reload the details show it; the file applies to the data', async () => {
    const s = await open(`?sel=citizen-home&${VIEW}`);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jzmap-draw-'));
    try {
      await s.page.waitForTimeout(1500);
      await s.page.getByRole('button', { name: '修正位置', exact: true }).click();
      // The point can be dragged once the form is out: the drawing tools load on first use.
      await s.page.getByLabel('新的位置精度（米）').waitFor();
      const from = await pixel(s.page, CITIZEN_HOME);
      const target: [number, number] = [112.2745, 30.3525];
      const to = await pixel(s.page, target);
      await s.page.mouse.move(from.x, from.y);
      await s.page.mouse.down();
      await s.page.mouse.move(from.x + 5, from.y + 5, { steps: 3 });
      await s.page.mouse.move(to.x, to.y, { steps: 10 });
      await s.page.mouse.up();
      await s.page.getByLabel('新的位置精度（米）').fill('150');
      // The source is required: saving without it says so.
      await s.page.getByRole('button', { name: '保存', exact: true }).click();
      await expect.poll(() => s.page.locator('.correction .draw-error').innerText(), poll).toContain('位置来源');
      const source = '现场踏勘 2026-11-30，市民之家东门，天地图影像核对';
      await s.page.getByLabel('位置来源（必填）').fill(source);
      await s.page.getByRole('button', { name: '保存', exact: true }).click();
      await expect.poll(() => s.page.locator('.correction-flag').innerText(), poll).toContain('位置修正（未审核）');
      await screenshot(s.page, 'draw-correction-1440x900');

      await s.page.reload();
      await waitReady(s.page, LONG);
      await expect.poll(() => s.page.locator('.correction').innerText(), poll).toContain(source);
      expect(await s.page.locator('.correction').innerText()).toContain('±150 m');
      expect(await s.page.locator('#details').innerText()).toContain('位置修正（未审核）');

      const [dl] = await Promise.all([s.page.waitForEvent('download'), s.page.getByRole('button', { name: /下载全部修正/ }).click()]);
      const file = path.join(tmp, 'corrections.geojson');
      fs.copyFileSync((await dl.path())!, file);
      const fc = JSON.parse(fs.readFileSync(file, 'utf8')) as GeoJSON.FeatureCollection<GeoJSON.Point>;
      expect(fc.features).toHaveLength(1);
      const c = fc.features[0];
      expect(c.properties).toMatchObject({ id: 'citizen-home', precision_m: 150, location_source: source, old_geometry: { type: 'Point', coordinates: CITIZEN_HOME } });
      expect(c.properties!.date).toMatch(/^\d{4}-\d\d-\d\dT/);
      // Dragged to within 60 m of the target (a pixel is about 50 m at this zoom).
      expect(turf.distance(c.geometry.coordinates, target, { units: 'kilometers' })).toBeLessThan(0.06);
      expect(s.errors).toEqual([]);

      // The maintainer's side, on a copy of the repository's data and scripts.
      fs.cpSync(path.join(repo, 'data'), path.join(tmp, 'data'), { recursive: true });
      fs.cpSync(path.join(repo, 'scripts'), path.join(tmp, 'scripts'), { recursive: true });
      fs.symlinkSync(path.join(repo, 'node_modules'), path.join(tmp, 'node_modules'));
      const node = (...args: string[]) => spawnSync(process.execPath, args, { cwd: tmp, encoding: 'utf8', timeout: 180_000 });

      // A bad correction (the point moved to 武汉) is refused with its reason.
      const bad = structuredClone(fc);
      bad.features[0].geometry.coordinates = [114.3, 30.58];
      fs.writeFileSync(path.join(tmp, 'bad.geojson'), JSON.stringify(bad));
      const refused = node('scripts/apply-corrections.mjs', 'bad.geojson');
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('市民之家: lies outside Jingzhou');

      const before = JSON.parse(fs.readFileSync(path.join(tmp, 'data/projects.geojson'), 'utf8')) as GeoJSON.FeatureCollection;
      const applied = node('scripts/apply-corrections.mjs', 'corrections.geojson');
      expect(applied.stderr).toBe('');
      expect(applied.status).toBe(0);
      expect(node('scripts/build-projects.mjs').status).toBe(0);
      const after = JSON.parse(fs.readFileSync(path.join(tmp, 'data/projects.geojson'), 'utf8')) as GeoJSON.FeatureCollection;
      const changed = after.features.filter((f, i) => JSON.stringify(f) !== JSON.stringify(before.features[i])).map((f) => f.properties!.id);
      expect(changed).toEqual(['citizen-home']);
      const f = after.features.find((x) => x.properties!.id === 'citizen-home')!;
      expect(f.properties).toMatchObject({ precision_m: 150, location_source: source });
      expect((f.geometry as GeoJSON.Point).coordinates.map((v) => v.toFixed(6))).toEqual(c.geometry.coordinates.map((v) => v.toFixed(6)));

      // The data tests pass on the corrected copy.
      const tests = spawnSync(process.execPath, [path.join(repo, 'node_modules/vitest/vitest.mjs'), 'run', '--project', 'unit', 'tests/unit/projects.test.ts', 'tests/unit/corridors.test.ts'], {
        cwd: repo, encoding: 'utf8', timeout: 300_000, env: { ...process.env, JZMAP_DATA_DIR: path.join(tmp, 'data') },
      });
      expect((tests.stdout + tests.stderr).replace(/\x1b\[[0-9;]*m/g, '')).toMatch(/Tests\s+\d+ passed/);
      expect(tests.status).toBe(0);
    } finally {
      await s.close();
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }, 1_200_000);
});
