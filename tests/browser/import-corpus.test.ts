/**
 * Every file of the shared import corpus (../shared/import-corpus: csv-spectrum, papaparse,
 * geojsonhint good and bad, check-geojson, togeojson KML/GPX, shapefile-js zips) through the app's
 * real file input: each ends in features added or a clear message in the dialog, never a hang, a
 * spinner left running or a blank page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSession, waitReady, type Session } from './browser';

const baseUrl = inject('baseUrl');
const CORPUS = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'import-corpus');
const PER_FILE_MS = 60_000;

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return files(p);
    return /\.(md|tsv)$/i.test(e.name) ? [] : [p];
  });
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

describe('the import corpus through the app', () => {
  it('each file gives features or a clear message', { timeout: 3_600_000 }, async () => {
    expect(fs.existsSync(CORPUS), `${CORPUS} missing`).toBe(true);
    const all = files(CORPUS).sort();
    expect(all.length).toBeGreaterThan(100);
    const { page } = s;
    const outcomes: { file: string; outcome: string }[] = [];
    for (const file of all) {
      const rel = path.relative(CORPUS, file);
      await page.click('#import-button');
      await page.setInputFiles('#import-file', file);
      await page.waitForSelector('#import-add, .import-error', { timeout: PER_FILE_MS });
      if (await page.locator('#import-add').count()) {
        await page.click('#import-add');
        // Either the dialog closes on a report, or it comes back with a message.
        await page.waitForFunction(() => (document.querySelector('.import-backdrop') as HTMLElement).hidden || !!document.querySelector('.import-error'), undefined, { timeout: PER_FILE_MS });
      }
      const error = await page.locator('.import-error').count();
      if (error) {
        const text = (await page.locator('.import-error').textContent()) ?? '';
        expect(text.length, `${rel}: message too short`).toBeGreaterThan(8);
        outcomes.push({ file: rel, outcome: 'message' });
        await page.keyboard.press('Escape');
      } else {
        const report = (await page.locator('.import-report').textContent()) ?? '';
        expect(report, rel).toMatch(/添加 \d+ 个要素/);
        outcomes.push({ file: rel, outcome: 'features' });
        // Keep the page light: remove the layer again.
        await page.click('#tab-layers');
        await page.locator('.layer-import .layer-remove').first().click();
      }
      await page.waitForSelector('.import-backdrop', { state: 'hidden', timeout: PER_FILE_MS });
      // Never a spinner left running, never a blank page.
      expect(await page.locator('.import-reading').count(), rel).toBe(0);
      expect(await page.locator('#map canvas').count(), rel).toBeGreaterThan(0);
    }
    const features = outcomes.filter((o) => o.outcome === 'features').length;
    // The good files (csv-spectrum, geojsonhint/good, KML, GPX, shapefiles) mostly give features.
    expect(features).toBeGreaterThan(40);
    expect(outcomes.filter((o) => o.file.startsWith('geojson/geojsonhint/bad')).every((o) => o.outcome === 'message' || o.outcome === 'features')).toBe(true);
    expect(s.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});
