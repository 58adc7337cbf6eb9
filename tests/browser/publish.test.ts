import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { ARTIFACTS, openSession, screenshot, waitReady, type Session } from './browser';
import { projects } from './data';

const baseUrl = inject('baseUrl');
const SLOW = 420_000;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(buf: Buffer): [number, number] {
  expect(buf.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [buf.readUInt32BE(16), buf.readUInt32BE(20)];
}

/** Exports through the dialog as a person would, and returns the saved file. */
async function exportVia(page: Page, choice: { format: 'png' | 'pdf'; target?: 'print' | 'slide'; paper?: 'a4' | 'a3'; orientation?: 'landscape' | 'portrait'; title?: string }): Promise<{ file: string; name: string }> {
  await page.getByRole('button', { name: '导出图片' }).click();
  const dialog = page.getByRole('dialog', { name: '导出图片' });
  // The dialog's code comes with the first click.
  await dialog.waitFor({ state: 'visible' });
  if (choice.title !== undefined) await dialog.getByRole('textbox', { name: '标题' }).fill(choice.title);
  await dialog.getByRole('radio', { name: choice.target === 'slide' ? /幻灯片/ : /打印/ }).check();
  await dialog.getByRole('radio', { name: choice.format.toUpperCase() }).check();
  if (choice.target !== 'slide') {
    await dialog.getByRole('radio', { name: (choice.paper ?? 'a4').toUpperCase() }).check();
    await dialog.getByRole('radio', { name: choice.orientation === 'portrait' ? '纵向' : '横向' }).check();
  }
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: SLOW }), dialog.getByRole('button', { name: '导出', exact: true }).click()]);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `publish-${choice.target ?? 'print'}-${choice.paper ?? 'a4'}-${choice.orientation ?? 'landscape'}.${choice.format}`);
  await download.saveAs(file);
  await expect(dialog.locator('[role=status]').textContent()).resolves.toContain('已导出');
  await dialog.getByRole('button', { name: '取消' }).click();
  return { file, name: download.suggestedFilename() };
}

interface RegionStats {
  /** Share of pixels that are (near) white. */
  white: number;
  /** Distinct colours (quantised to 4 bits per channel). */
  colours: number;
  /** Share of pixels close to a given RGB colour. */
  near: number;
}

/** Decodes an image in the page (the browser's own PNG decoder) and measures rectangles of it (fractions of its size). */
async function regionStats(page: Page, file: string, rects: [number, number, number, number][], rgb: [number, number, number]): Promise<RegionStats[]> {
  const b64 = fs.readFileSync(file).toString('base64');
  return page.evaluate(async ([data, rs, c]) => {
    const bytes = Uint8Array.from(atob(data), (ch) => ch.charCodeAt(0));
    const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bmp.width, bmp.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bmp, 0, 0);
    return rs.map(([x, y, w, h]) => {
      const px = ctx.getImageData(Math.round(x * bmp.width), Math.round(y * bmp.height), Math.round(w * bmp.width), Math.round(h * bmp.height)).data;
      let white = 0;
      let near = 0;
      const seen = new Set<number>();
      for (let i = 0; i < px.length; i += 4) {
        if (px[i] > 245 && px[i + 1] > 245 && px[i + 2] > 245) white++;
        if (Math.abs(px[i] - c[0]) + Math.abs(px[i + 1] - c[1]) + Math.abs(px[i + 2] - c[2]) < 40) near++;
        seen.add(((px[i] >> 4) << 8) | ((px[i + 1] >> 4) << 4) | (px[i + 2] >> 4));
      }
      const n = px.length / 4;
      return { white: white / n, colours: seen.size, near: near / n };
    });
  }, [b64, rects, rgb] as const);
}

/** The pages of a PDF and their MediaBoxes, read from its objects (jsPDF and Chromium write them uncompressed). */
function pdfPages(buf: Buffer): number[][] {
  const text = buf.toString('latin1');
  const pages = [...text.matchAll(/\/Type\s*\/Page(?!s)[\s\S]*?endobj/g)].map((m) => m[0]);
  return pages.map((p) => (p.match(/\/MediaBox\s*\[([^\]]+)\]/)?.[1] ?? '').trim().split(/\s+/).map(Number));
}

/** A PDF page as pixels, through poppler's pdftoppm (installed with chromium and the CJK fonts; see .ci/run). */
function pdfToPng(pdf: string, dpi: number): string {
  const prefix = pdf.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-singlefile', pdf, prefix]);
  return `${prefix}.png`;
}

// The exported page (A4 landscape): the map fills the left, the legend column is at the right.
const MAP_REGION: [number, number, number, number] = [0.1, 0.25, 0.5, 0.5];
const LEGEND_REGION: [number, number, number, number] = [0.73, 0.12, 0.24, 0.35];
const ECOLOGY_GREEN: [number, number, number] = [0, 158, 115];

describe('publishing: export, embed, print', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openSession(baseUrl);
    s.page.setDefaultTimeout(300_000);
    await s.page.goto(`${baseUrl}?lang=zh`);
    // Generous: software WebGL on a shared machine can take minutes to draw the first map.
    expect(await waitReady(s.page, 300_000)).toBe('true');
  }, SLOW);
  afterAll(async () => s?.close());

  it('exports a PNG of A4 landscape at 300 dpi: 3508 × 2480, the map drawn with its project layers, a legend beside it', async () => {
    const { file, name } = await exportVia(s.page, { format: 'png', paper: 'a4', orientation: 'landscape', title: '荆州重点项目 测试图' });
    expect(name).toMatch(/^荆州重点项目 测试图 \d{4}-\d{2}-\d{2}\.png$/);
    expect(pngSize(fs.readFileSync(file))).toEqual([3508, 2480]);
    const [map, legend] = await regionStats(s.page, file, [MAP_REGION, LEGEND_REGION], ECOLOGY_GREEN);
    // Not blank: the map region is the base map (no white paper) in many colours.
    expect(map.white).toBeLessThan(0.05);
    expect(map.colours).toBeGreaterThan(60);
    // The deck.gl project layers are in the image: the ecology theme's green (the Yangtze shore
    // works) is not a base-map colour.
    expect(map.near).toBeGreaterThan(0.002);
    // The legend region is paper with text and swatches on it: it differs from the map.
    expect(legend.white).toBeGreaterThan(0.6);
    expect(legend.white).toBeLessThan(0.995);
    expect(legend.white - map.white).toBeGreaterThan(0.5);
    // The legend lists ecology (its swatch is there).
    expect(legend.near).toBeGreaterThan(0.0005);
  }, SLOW);

  it('exports a one-page PDF of A4 landscape (841.89 × 595.28 pt) carrying the 300-dpi page', async () => {
    const { file, name } = await exportVia(s.page, { format: 'pdf', paper: 'a4', orientation: 'landscape', title: '' });
    expect(name).toMatch(/^荆州重点项目地图 \d{4}-\d{2}-\d{2}\.pdf$/);
    const buf = fs.readFileSync(file);
    expect(buf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdfPages(buf);
    expect(pages.length).toBe(1);
    expect(pages[0]).toEqual([0, 0, 841.89, 595.28]);
    expect(buf.toString('latin1')).toMatch(/\/Width 3508\s*\/Height 2480/);
    // Rendered by another program, the page shows the map and the legend.
    const png = pdfToPng(file, 60);
    const [map, legend] = await regionStats(s.page, png, [MAP_REGION, LEGEND_REGION], ECOLOGY_GREEN);
    expect(map.white).toBeLessThan(0.05);
    expect(map.near).toBeGreaterThan(0.002);
    expect(legend.white - map.white).toBeGreaterThan(0.5);
  }, SLOW);

  it('exports the 4K slide: 3840 px wide, 16:9', async () => {
    const { file } = await exportVia(s.page, { format: 'png', target: 'slide' });
    expect(pngSize(fs.readFileSync(file))).toEqual([3840, 2160]);
    const [map] = await regionStats(s.page, file, [MAP_REGION], ECOLOGY_GREEN);
    expect(map.white).toBeLessThan(0.05);
    expect(map.near).toBeGreaterThan(0.002);
  }, SLOW);

  it('gives the iframe code for the current view, sandboxed', async () => {
    await s.page.goto(`${baseUrl}?lang=zh&theme=ecology`);
    await waitReady(s.page, 300_000);
    await s.page.getByRole('button', { name: '嵌入' }).click();
    const dialog = s.page.getByRole('dialog', { name: '嵌入' });
    const code = await dialog.getByRole('textbox', { name: '嵌入代码' }).inputValue();
    expect(code).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?[^"]*theme=ecology[^"]*&amp;embed=1" title="荆州重点项目地图" width="800" height="560"/);
    expect(code).toContain('sandbox="allow-scripts allow-same-origin');
    await dialog.getByRole('spinbutton', { name: '宽度' }).fill('640');
    await expect(dialog.getByRole('textbox', { name: '嵌入代码' }).inputValue()).resolves.toContain('width="640"');
    await screenshot(s.page, 'publish-embed-dialog-1440x900');
    await dialog.getByRole('button', { name: '关闭' }).click();
  }, SLOW);

  it('print: the page shows the map image and its legend, no controls or panels', async () => {
    await s.page.goto(`${baseUrl}?lang=zh&theme=ecology,urban`);
    await waitReady(s.page, 300_000);
    await s.page.emulateMedia({ media: 'print' });
    try {
      for (const sel of ['#export-image', '#embed-button', '#lang-switch', '.sidebar', '.maplibregl-ctrl-zoom-in']) {
        await expect(s.page.locator(sel).first().isVisible(), sel).resolves.toBe(false);
      }
      await expect(s.page.locator('.legend').isVisible()).resolves.toBe(true);
      await expect(s.page.locator('.legend-themes').isVisible()).resolves.toBe(true);
      await expect(s.page.locator('.print-filters').textContent()).resolves.toContain('主题：中心城市、生态文明');
      await expect(s.page.locator('.print-filters').isVisible()).resolves.toBe(true);
      // The printed PDF, rendered back to pixels: the map area is not blank.
      const pdf = path.join(ARTIFACTS, 'publish-print.pdf');
      await s.page.pdf({ path: pdf, format: 'A4', landscape: true, printBackground: true });
      // Printing drew the map into an image that replaced the canvas on the page.
      await expect(s.page.evaluate(() => Number(document.body.dataset.printSnapshots ?? 0))).resolves.toBeGreaterThan(0);
      // One sensible page: title, map, legend, filters and sources together.
      expect(execFileSync('pdfinfo', [pdf]).toString()).toMatch(/^Pages:\s+1$/m);
      const png = pdfToPng(pdf, 50);
      const [mapArea] = await regionStats(s.page, png, [[0.08, 0.2, 0.4, 0.4]], ECOLOGY_GREEN);
      expect(mapArea.white).toBeLessThan(0.2);
      expect(mapArea.colours).toBeGreaterThan(30);
      expect(mapArea.near).toBeGreaterThan(0.001);
    } finally {
      await s.page.emulateMedia({ media: null });
    }
  }, SLOW);

  describe('embedded in another origin\'s page', () => {
    let host: http.Server;
    let hostUrl: string;
    const ecology = projects.features.filter((f) => f.properties.theme === 'ecology').map((f) => f.properties.id);
    const chosen = ecology[0];
    beforeAll(async () => {
      // The host page is served from `localhost` on another port: another origin and another
      // site than the app's 127.0.0.1, as a news site embedding the map would be.
      host = http.createServer((req, res) => {
        const width = /w=(\d+)/.exec(req.url ?? '')?.[1] ?? '800';
        const height = /h=(\d+)/.exec(req.url ?? '')?.[1] ?? '560';
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(`<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>新闻</title></head><body style="margin:0;font-family:sans-serif">
<p style="margin:8px">荆州新闻 · 一篇文章里的地图</p>
<iframe id="map" src="${baseUrl}?lang=zh&theme=ecology&sel=${chosen}&embed=1" title="荆州重点项目地图" width="${width}" height="${height}" style="border:0;max-width:100%" sandbox="allow-scripts allow-same-origin"></iframe>
</body></html>`);
      });
      await new Promise<void>((r) => host.listen(0, '127.0.0.1', r));
      hostUrl = `http://localhost:${(host.address() as AddressInfo).port}/`;
    });
    afterAll(async () => new Promise<void>((r) => host.close(() => r())));

    async function mapFrame(page: Page): Promise<Frame> {
      const handle = await page.waitForSelector('iframe#map');
      const frame = (await handle.contentFrame())!;
      await frame.waitForFunction(() => document.body.dataset.ready === 'true' || document.body.dataset.ready === 'error', undefined, { timeout: 300_000 });
      return frame;
    }

    it('loads inside <iframe sandbox="allow-scripts allow-same-origin">, keeps the filters and the choice, shows the projects', async () => {
      const errorsBefore = s.errors.length;
      await s.page.goto(`${hostUrl}?w=1000&h=640`);
      const frame = await mapFrame(s.page);
      expect(new URL(frame.url()).origin).not.toBe(new URL(hostUrl).origin);
      await expect(frame.evaluate(() => document.body.dataset.ready)).resolves.toBe('true');
      await expect(frame.evaluate(() => document.body.dataset.shown)).resolves.toBe(String(ecology.length));
      const drawn = await frame.evaluate(() => (window as unknown as { __jzmap: { pickAll(): string[] } }).__jzmap.pickAll());
      expect(drawn.length).toBeGreaterThan(0);
      expect(drawn.filter((id) => !ecology.includes(id))).toEqual([]);
      await expect(frame.evaluate(() => (window as unknown as { __jzmap: { store: { get(): { selectedId: string } } } }).__jzmap.store.get().selectedId)).resolves.toBe(chosen);
      // No side panel, no top bar; a compact legend and the link to the full app.
      await expect(frame.locator('.sidebar').isVisible()).resolves.toBe(false);
      await expect(frame.locator('.topbar').isVisible()).resolves.toBe(false);
      await expect(frame.locator('.legend').isVisible()).resolves.toBe(true);
      const link = frame.getByRole('link', { name: /在完整应用中打开/ });
      await expect(link.isVisible()).resolves.toBe(true);
      await expect(link.getAttribute('target')).resolves.toBe('_blank');
      await expect(link.getAttribute('rel')).resolves.toContain('noopener');
      const href = new URL((await link.getAttribute('href'))!);
      expect(href.searchParams.get('embed')).toBeNull();
      expect(href.searchParams.get('theme')).toBe('ecology');
      expect(href.searchParams.get('sel')).toBe(chosen);
      expect(s.errors.slice(errorsBefore)).toEqual([]);
      await s.page.waitForTimeout(800);
      await screenshot(s.page, 'publish-embed-host-1000x640');
    }, SLOW);

    it('fits a phone-sized frame (390 × 844): map visible, legend folded', async () => {
      const phone = await openSession(hostUrl, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      phone.page.setDefaultTimeout(300_000);
      try {
        await phone.page.goto(`${hostUrl}?w=390&h=700`);
        const frame = await mapFrame(phone.page);
        await expect(frame.evaluate(() => document.body.dataset.ready)).resolves.toBe('true');
        await expect(frame.locator('.legend').getAttribute('open')).resolves.toBeNull();
        const canvas = await frame.locator('.maplibregl-canvas').boundingBox();
        expect(canvas!.width).toBeGreaterThan(380);
        expect(canvas!.height).toBeGreaterThan(300);
        expect(phone.errors).toEqual([]);
        await phone.page.waitForTimeout(800);
        await screenshot(phone.page, 'publish-embed-host-390x844');
      } finally {
        await phone.close();
      }
    }, SLOW);
  });
});
