/**
 * Importing as a user does it, in the real app: the 导入 button and the file picker, a drop on the
 * map, pasted text; the dialog's preview, mapping and coordinate system; the report; the layer in
 * the list, on the map and in the details; reload and removal.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSession, screenshot, waitReady, type Session } from './browser';

const baseUrl = inject('baseUrl');
const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures');
const fixture = (name: string) => path.join(FIXTURES, name);

/** Opens the dialog with the 导入 button, chooses the file, sets the coordinate system, adds. */
async function importFile(page: Page, file: string, opts: { crs?: string; encoding?: string } = {}): Promise<void> {
  await page.getByRole('button', { name: /导入|Import/ }).first().click();
  await page.setInputFiles('#import-file', file);
  await addFromPreview(page, opts);
}

async function addFromPreview(page: Page, opts: { crs?: string; encoding?: string } = {}): Promise<void> {
  await page.waitForSelector('#import-add, .import-error', { timeout: 30_000 });
  const err = await page.locator('.import-error').count();
  if (err) throw new Error(`import refused: ${await page.locator('.import-error').textContent()}`);
  if (opts.encoding) {
    await page.selectOption('#import-encoding', opts.encoding);
    await page.waitForFunction((enc) => (document.querySelector('#import-encoding') as HTMLSelectElement | null)?.value === enc, opts.encoding);
  }
  if (opts.crs) await page.check(`input[name=import-crs][value=${opts.crs}]`);
  await page.click('#import-add');
  await page.waitForSelector('.import-backdrop', { state: 'hidden', timeout: 60_000 });
  await page.waitForSelector('.import-report:not([hidden])', { timeout: 10_000 });
}

const reportText = (page: Page) => page.locator('.import-report').textContent();
// The 图层 tab is built when first opened (or by an import): its rows are read once it is there.
const layerNames = async (page: Page) => {
  await page.locator('.layers-pane #import-open-panel').waitFor({ state: 'attached' });
  return page.locator('.layer-import .layer-name').allTextContents();
};
const listNames = async (page: Page) => {
  await page.click('#tab-projects');
  return page.locator('.project-list [role=option] .row-name').allTextContents();
};

type Px = { x: number; y: number };
/** The newest imported layer's id: its features are hovered as `<id>#<row>`. */
const newestImportId = (page: Page) => page.evaluate(() => (window as any).__jzmap.store.get().datasets.filter((d: { kind: string }) => d.kind === 'import').at(-1).id as string);

/** Jumps the map to `center` at `zoom` and, once it is idle, gives where each [lon, lat] lies on the page. */
function placesOnPage<K extends string>(page: Page, center: [number, number], zoom: number, places: Record<K, [number, number]>): Promise<Record<K, Px>> {
  return page.evaluate(async ({ center, zoom, places }: { center: [number, number]; zoom: number; places: Record<string, [number, number]> }) => {
    const m = (window as any).__jzmap.map;
    const idle = new Promise((r) => m.once('idle', r));
    m.jumpTo({ center, zoom });
    await idle;
    const r = m.getCanvas().getBoundingClientRect();
    const px = ([lon, lat]: [number, number]) => ({ x: r.left + m.project([lon, lat]).x, y: r.top + m.project([lon, lat]).y });
    return Object.fromEntries(Object.entries(places).map(([k, ll]) => [k, px(ll)]));
  }, { center, zoom, places: places as Record<string, [number, number]> }) as Promise<Record<K, Px>>;
}

/**
 * Which of layer `id`'s points deck.gl picks under the pointer at `p` (by the store's hovered
 * feature), as `#<row>`, or null. The pointer first rests at `away`, where nothing of the layer is.
 */
async function hoverRow(page: Page, id: string, p: Px, away: Px, waitMs: number): Promise<string | null> {
  await page.mouse.move(away.x, away.y, { steps: 2 });
  await expect.poll(async () => (await page.evaluate(() => (window as any).__jzmap.store.get().hoveredId as string | null))?.startsWith(`${id}#`) ?? false, { timeout: 30_000 }).toBe(false);
  await page.mouse.move(p.x, p.y, { steps: 2 });
  // Picking answers within a frame or two; a point the filter hides never answers.
  const h = await page.waitForFunction((layer) => {
    const v = (window as any).__jzmap.store.get().hoveredId as string | null;
    return v?.startsWith(`${layer}#`) ? v : null;
  }, id, { timeout: waitMs }).then((x) => x.jsonValue() as Promise<string>, () => null);
  return h && h.slice(id.length);
}

let s: Session;
beforeAll(async () => {
  s = await openSession(baseUrl);
  await s.page.goto(baseUrl, { timeout: 300_000 });
  await waitReady(s.page, 300_000);
}, 600_000);
afterAll(async () => {
  await s?.close();
});

// The machine is shared by several test runs at once: generous limits, each step still bounded.
describe('import in the app', { timeout: 600_000 }, () => {
  it('a UTF-8 CSV through the 导入 button: preview, report, layer, list, details', async () => {
    const { page } = s;
    await page.getByRole('button', { name: /导入/ }).first().click();
    await page.setInputFiles('#import-file', fixture('import-utf8.csv'));
    await page.waitForSelector('#import-add');
    // The preview names the format and encoding, and the detected mapping.
    expect(await page.locator('.import-facts').textContent()).toContain('CSV');
    expect(await page.locator('#import-encoding').inputValue()).toBe('utf-8');
    expect(await page.locator('select[data-role=lon]').inputValue()).toBe('经度');
    expect(await page.locator('select[data-role=name]').inputValue()).toBe('名称');
    await screenshot(page, 'import-dialog-1440');
    await page.click('#import-add');
    await page.waitForSelector('.import-backdrop', { state: 'hidden' });
    await page.waitForSelector('.import-report:not([hidden])');
    expect(await page.locator('.import-report').getAttribute('role')).toBe('status');
    expect(await reportText(page)).toMatch(/读取 5 行，添加 5 个要素，其中 0 个为大致位置，拒绝 0 行/);
    expect(await layerNames(page)).toEqual(['import-utf8']);
    expect(await page.locator('.legend-imported').textContent()).toContain('import-utf8');
    const names = await listNames(page);
    expect(names).toContain('市民之家');
    expect(names).toContain('松滋省级白酒质检中心');
    expect(await page.locator('.list-summary').textContent()).toMatch(/显示 \d+ \/ \d+ 个要素/);
    // Choosing a row opens its details with every original column.
    await page.getByRole('option', { name: '市民之家，import-utf8' }).click();
    await page.waitForSelector('.details-cells');
    const details = await page.locator('#details').textContent();
    expect(details).toContain('文件行号');
    expect(details).toContain('112.262');
    expect(s.errors).toEqual([]);
  });

  it('imported points are drawn and pickable where they are', async () => {
    const { page } = s;
    await page.click('#details .close');
    const pt = await page.evaluate(async () => {
      const m = (window as any).__jzmap.map;
      const idle = new Promise((r) => m.once('idle', r));
      m.jumpTo({ center: [112.262, 30.348], zoom: 14 });
      await idle;
      const p = m.project([112.262, 30.348]);
      const r = m.getCanvas().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    });
    await page.waitForTimeout(300);
    await page.mouse.click(pt.x, pt.y, { delay: 80 });
    // The imported point lies on the report's own 市民之家 and is drawn above it: it is the one picked.
    await page.waitForFunction(() => String((window as any).__jzmap.store.get().selectedId).includes('#'), undefined, { timeout: 30_000 });
    expect(await page.locator('#details-title').textContent()).toBe('市民之家');
    expect(await page.locator('#details .details-sub').textContent()).toContain('import-utf8');
  });

  it('a theme unticked hides its imported points on the map (the GPU filter), and ticked brings them back', async () => {
    const { page } = s;
    // Two points, one per theme, away from the report's projects and the other fixtures.
    const csv = 'name,lon,lat,theme\n生态甲,113.60,29.90,ecology\n产业乙,113.62,29.90,industry\n';
    await page.getByRole('button', { name: /导入/ }).first().click();
    await page.setInputFiles('#import-file', { name: 'themes.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await addFromPreview(page);
    expect(await reportText(page)).toMatch(/添加 2 个要素/);
    // A details card left open by an earlier test would lie over the map where the pointer goes.
    if (await page.locator('#details:not([hidden]) .close').count()) await page.click('#details .close');
    const id = await newestImportId(page);
    // Between and above the two points: open map, no feature of this layer.
    const at = await placesOnPage(page, [113.61, 29.9], 13, { a: [113.6, 29.9], b: [113.62, 29.9], away: [113.61, 29.905] });
    // The pointer goes to the map itself, not to a panel over it.
    for (const p of [at.a, at.b, at.away]) expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.tagName, p)).toBe('CANVAS');
    const hoverAt = (p: Px) => hoverRow(page, id, p, at.away, 5_000);
    expect(await hoverAt(at.a)).toBe('#0');
    await page.click('#tab-projects');
    await page.locator('#f-themes-ecology').uncheck();
    try {
      expect(await hoverAt(at.a)).toBeNull();
      // The other theme's point is still there: the filter hid one category, not the layer.
      expect(await hoverAt(at.b)).toBe('#1');
    } finally {
      // The later tests expect every theme shown.
      await page.locator('#f-themes-ecology').check();
    }
    expect(await hoverAt(at.a)).toBe('#0');
    await page.mouse.move(at.away.x, at.away.y);
    expect(s.errors).toEqual([]);
  });

  it('a big layer: its points past the first GPU slice pick as their row in the file, and a county unticked hides them', async () => {
    const { page } = s;
    // 70,000 rows elsewhere first: the two points are rows 70000 and 70001, in the second slice
    // the layer uploads (65,536 rows each, src/map/imported-points-layer.ts).
    const filler = Array.from({ length: 70_000 }, (_, i) => `填充${i},${(111.6 + (i % 400) / 1000).toFixed(3)},${(29.7 + Math.floor(i / 400) / 1000).toFixed(3)},urban,公安县`);
    const csv = ['name,lon,lat,theme,区县', ...filler, '洪湖点,113.70,29.95,ecology,洪湖市', '监利点,113.72,29.95,ecology,监利市'].join('\n') + '\n';
    await page.getByRole('button', { name: /导入/ }).first().click();
    await page.setInputFiles('#import-file', { name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await addFromPreview(page);
    expect(await reportText(page)).toMatch(/添加 70,?002 个要素/);
    if (await page.locator('#details:not([hidden]) .close').count()) await page.click('#details .close');
    const id = await newestImportId(page);
    // The view over the two points, and where they are on the page (again after a click, which may move the map).
    const look = () => placesOnPage(page, [113.71, 29.95], 13, { a: [113.7, 29.95], b: [113.72, 29.95], away: [113.71, 29.955] });
    let at = await look();
    const hoverAt = (p: Px) => hoverRow(page, id, p, at.away, 10_000);
    for (const p of [at.a, at.b, at.away]) expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.tagName, p)).toBe('CANVAS');
    await screenshot(page, 'import-big-layer');
    // Every slice is on the map once the last one is drawn: wait for the points, then pick them.
    await expect.poll(() => hoverAt(at.a), { timeout: 60_000 }).toBe('#70000');
    expect(await hoverAt(at.b)).toBe('#70001');
    await page.mouse.click(at.b.x, at.b.y, { delay: 80 });
    await expect.poll(() => page.locator('#details-title').textContent()).toBe('监利点');
    await page.click('#details .close');
    await page.click('#tab-projects');
    at = await look();
    await page.locator('#f-counties-监利市').uncheck();
    try {
      expect(await hoverAt(at.b)).toBeNull();
      expect(await hoverAt(at.a)).toBe('#70000');
    } finally {
      await page.locator('#f-counties-监利市').check();
    }
    expect(await hoverAt(at.b)).toBe('#70001');
    await page.mouse.move(at.away.x, at.away.y);
    // The later tests count layers and draw frames: this big one goes.
    await page.click('#tab-layers');
    await page.getByRole('button', { name: '移除图层“big”' }).click();
    expect(s.errors).toEqual([]);
  });

  it('a GBK CSV: detected as GB18030, Chinese names right in the list', async () => {
    const { page } = s;
    await page.getByRole('button', { name: /导入/ }).first().click();
    await page.setInputFiles('#import-file', fixture('import-gbk.csv'));
    await page.waitForSelector('#import-add');
    expect(await page.locator('#import-encoding').inputValue()).toBe('gb18030');
    expect(await page.locator('.import-sample').textContent()).toContain('荆楚文化大观园');
    await page.click('#import-add');
    await page.waitForSelector('.import-backdrop', { state: 'hidden' });
    await page.waitForSelector('.import-report:not([hidden])');
    expect(await reportText(page)).toContain('import-gbk');
    expect((await listNames(page)).filter((n) => n === '荆楚文化大观园').length).toBeGreaterThanOrEqual(2);
  });

  it('a GCJ-02 CSV with GCJ-02 chosen lands within 50 m of its WGS-84 truth', async () => {
    const { page } = s;
    await importFile(page, fixture('import-gcj02.csv'), { crs: 'gcj02' });
    const at = await page.evaluate(() => {
      const d = (window as any).__jzmap.store.get().datasets.find((x: any) => x.name === 'import-gcj02');
      const names = new TextDecoder().decode(d.data.cells[d.data.columns.indexOf(d.mapping.name)].bytes);
      return { first: [d.data.positions[0], d.data.positions[1]], names };
    });
    expect(at.names).toContain('市民之家');
    const k = Math.PI / 180;
    const m = Math.hypot((at.first[0] - 112.262) * k * Math.cos(30.348 * k), (at.first[1] - 30.348) * k) * 6371008.8;
    expect(m).toBeLessThan(50);
  });

  it('a CSV with bad rows: exactly those line numbers, an alert, a fix for the swapped row', async () => {
    const { page } = s;
    await importFile(page, fixture('import-bad-rows.csv'));
    const report = page.locator('.import-report');
    expect(await report.getAttribute('role')).toBe('alert');
    expect(await page.locator('.rejected-rows li').evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.line)))).toEqual([3, 6, 7]);
    expect(await reportText(page)).toMatch(/其中 2 个为大致位置，拒绝 3 行/);
    // Line 10 gives (lat, lon): placed swapped, and said so; line 11 (Beijing) flagged as far outside.
    expect(await page.locator('.flagged-rows li[data-kind=swapped]').getAttribute('data-line')).toBe('10');
    expect(await page.locator('.flagged-rows li[data-kind=outside]').getAttribute('data-line')).toBe('11');
    const at = await page.evaluate(() => {
      const d = (window as any).__jzmap.store.get().datasets.find((x: any) => x.name === 'import-bad-rows');
      const i = [...d.data.line].indexOf(10);
      return [d.data.positions[i * 2], d.data.positions[i * 2 + 1]];
    });
    expect(at).toEqual([112.26, 30.35]);
    // The rejected rows download as CSV.
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#download-rejected')]);
    const text = fs.readFileSync((await dl.path())!, 'utf8');
    expect(text.replace(/^\uFEFF/, '').split(/\r\n/)[0]).toBe('line,reason,row');
    expect(text).toMatch(/\r\n3,/);
  });

  it('hostile cells are text: nothing executes, the characters show', async () => {
    const { page } = s;
    await page.evaluate(() => ((window as any).__pwned = 0));
    await page.exposeFunction('__alerted', () => undefined).catch(() => undefined);
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await importFile(page, fixture('import-hostile.csv'));
    const names = await listNames(page);
    const hostile = names.find((n) => n.includes('<img'));
    expect(hostile).toBeDefined();
    await page.locator('.project-list [role=option][data-id*="#"]', { hasText: '<img' }).first().click();
    await page.waitForSelector('.details-cells');
    expect(await page.locator('#details').textContent()).toContain('<img src=x onerror=alert(1)>');
    expect(await page.locator('#details img, .project-list img, .import-report img').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(dialogs).toBe(0);
    expect(await page.evaluate(() => ({} as Record<string, unknown>).constructor === Object && !('polluted' in {}))).toBe(true);
  });

  it('a GeoJSON dropped on the map, and pasted CSV text', async () => {
    const { page } = s;
    const bytes = fs.readFileSync(fixture('import.geojson')).toString('base64');
    await page.evaluate(async (b64) => {
      const bin = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bin], 'dropped.geojson', { type: 'application/geo+json' }));
      const map = document.getElementById('map')!;
      map.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
      map.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, bytes);
    await addFromPreview(page);
    expect(await reportText(page)).toMatch(/“dropped”：读取 4 行，添加 3 个要素.*拒绝 1 行/);
    // Paste: the textarea in the dialog.
    await page.getByRole('button', { name: /导入/ }).first().click();
    await page.fill('#import-paste', 'name,lon,lat\n粘贴点,112.24,30.33\n');
    await page.click('#import-read-paste');
    await addFromPreview(page);
    expect(await reportText(page)).toMatch(/“pasted”：读取 1 行，添加 1 个要素/);
  });

  it('KML, a zipped Shapefile and an XLSX', async () => {
    const { page } = s;
    await importFile(page, fixture('import.kml'));
    expect(await reportText(page)).toMatch(/添加 2 个要素/);
    await importFile(page, fixture('import-shp-wgs84.zip'));
    expect(await reportText(page)).toMatch(/添加 3 个要素/);
    await importFile(page, fixture('import.xlsx'));
    expect(await reportText(page)).toMatch(/添加 5 个要素/);
    await page.click('#tab-layers');
    await screenshot(page, 'import-layers-1440');
  });

  it('bad files get a clear message and the app keeps working', async () => {
    const { page } = s;
    for (const [name, content] of [['empty.csv', ''], ['header.csv', 'name,lon,lat\n'], ['bad.geojson', '{"type":"FeatureCollection","features":[{]}'], ['binary.csv', '\u0000\u0001\u0002PK\u0003\u0004\u0000\u0000']] as const) {
      await page.getByRole('button', { name: /导入/ }).first().click();
      await page.setInputFiles('#import-file', { name, mimeType: 'text/plain', buffer: Buffer.from(content, 'binary') });
      await page.waitForSelector('.import-error', { timeout: 20_000 });
      expect((await page.locator('.import-error').textContent())!.length).toBeGreaterThan(10);
      expect(await page.locator('.import-reading').count()).toBe(0);
      await page.keyboard.press('Escape');
      await page.waitForSelector('.import-backdrop', { state: 'hidden' });
    }
    // Still working: a filter change still filters.
    await page.click('#tab-projects');
    await page.locator('#f-themes-ecology').uncheck();
    await page.locator('#f-themes-ecology').check();
  });

  it('layers survive a reload; a removed one stays gone', async () => {
    const { page } = s;
    const before = await layerNames(page);
    expect(before.length).toBeGreaterThanOrEqual(8);
    // The palette has eight colours: a ninth layer repeats one, so the user can pick another.
    await page.click('#tab-layers');
    await page.getByLabel(`图层“${before[0]}”的颜色`).fill('#12a4b6');
    await expect.poll(() => page.locator('.legend-imported .sym-import').first().evaluate((e) => getComputedStyle(e).getPropertyValue('--c'))).toMatch(/18,\s*164,\s*182/);
    await page.reload({ timeout: 300_000 });
    await waitReady(page, 300_000);
    await page.waitForFunction(() => document.body.dataset.restored === 'true');
    await page.click('#tab-layers');
    expect(await layerNames(page)).toEqual(before);
    expect(await page.getByLabel(`图层“${before[0]}”的颜色`).inputValue()).toBe('#12a4b6');
    expect(await listNames(page)).toContain('荆楚文化大观园');
    await page.click('#tab-layers');
    await page.getByRole('button', { name: '移除图层“import-utf8”' }).click();
    expect(await layerNames(page)).not.toContain('import-utf8');
    await page.reload({ timeout: 300_000 });
    await waitReady(page, 300_000);
    await page.waitForFunction(() => document.body.dataset.restored === 'true');
    await page.click('#tab-layers');
    const after = await layerNames(page);
    expect(after).not.toContain('import-utf8');
    expect(after.length).toBe(before.length - 1);
    expect(s.errors).toEqual([]);
  });
});


describe('a full disk', { timeout: 600_000 }, () => {
  it('the page says so and keeps the new layer until the page closes', async () => {
    // A real quota error: Chromium is told this origin may store 1 byte. (Set before the first
    // write: Chromium checks an open database's quota only now and then.)
    const d = await openSession(baseUrl);
    try {
      const { page } = d;
      const cdp = await d.context.newCDPSession(page);
      await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(baseUrl).origin, quotaSize: 1 });
      await page.goto(baseUrl, { timeout: 300_000 });
      await waitReady(page, 300_000);
      await page.getByRole('button', { name: /导入/ }).first().click();
      await page.fill('#import-paste', 'name,lon,lat\n满盘点,112.25,30.34\n');
      await page.click('#import-read-paste');
      await addFromPreview(page);
      await expect.poll(() => page.getByRole('alert').filter({ hasText: '存储空间已满' }).count(), { timeout: 30_000 }).toBe(1);
      await page.click('#tab-layers');
      expect(await page.locator('.layer-import .layer-count').first().innerText()).toContain('仅本次');
      expect(await listNames(page)).toContain('满盘点');
      await screenshot(page, 'import-storage-full-1440');
      // It was never stored: after a reload it is gone.
      await page.reload({ timeout: 300_000 });
      await waitReady(page, 300_000);
      await page.waitForFunction(() => document.body.dataset.restored === 'true');
      expect(await listNames(page)).not.toContain('满盘点');
      expect(d.errors.filter((e) => !/Quota/i.test(e))).toEqual([]);
    } finally {
      await d.close();
    }
  });
});
