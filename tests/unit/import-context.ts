import fs from 'node:fs';
import path from 'node:path';
import { buildImportGazetteer } from '../../src/import/place';
import type { ImportContext } from '../../src/import/types';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
export const CORPUS = path.resolve(ROOT, '..', 'shared', 'import-corpus');

const readJson = (p: string) => JSON.parse(fs.readFileSync(path.join(ROOT, p), 'utf8'));

/** The import context the app builds, from the embedded base map files. */
export function testContext(): ImportContext {
  return { gazetteer: buildImportGazetteer(readJson('data/base/places.geojson'), readJson('data/base/counties.geojson')) };
}

/** A file's bytes as an ImportSource. */
export function source(file: string, name = path.basename(file)) {
  const b = fs.readFileSync(file);
  return { name, bytes: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer };
}

/** Text as an ImportSource (UTF-8), as a paste arrives. */
export function textSource(text: string, name = 'pasted.csv') {
  return { name, bytes: new TextEncoder().encode(text).buffer as ArrayBuffer };
}
