/**
 * The session shared by the formats that carry their own geometry (GeoJSON, KML, GPX, Shapefile):
 * features' properties become text columns (keys kept in a Map, so `__proto__` is only a name),
 * the geometry gives the position; a feature without one is rejected as "no location" unless a
 * mapped county/address column names a place.
 */
import { ColumnarBuilder } from './columnar';
import { guessColumns } from './detect-columns';
import type { ColumnMapping, ImportContext, ImportedData, ImportOptions, ImportPreview, ImportSession, SourceFormat } from './types';
import { ImportError } from './types';

export interface PlainFeature {
  geometry: GeoJSON.Geometry | null;
  properties: Record<string, unknown> | null;
  id?: string | number;
}

/** A property value as the text a cell shows: objects as JSON, null as empty. */
export function cellOf(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  try {
    return JSON.stringify(v) ?? '';
  } catch {
    return String(v);
  }
}

/** Column names: property keys in order of first appearance; `id` added when features have ids. */
export function columnsOf(features: PlainFeature[]): string[] {
  const seen = new Map<string, true>();
  let hasId = false;
  for (const f of features) {
    if (f.id !== undefined && f.id !== null) hasId = true;
    if (f.properties) for (const k of Object.keys(f.properties)) if (!seen.has(k)) seen.set(k, true);
  }
  const cols = [...seen.keys()];
  if (hasId && !seen.has('id')) cols.unshift('id');
  return cols;
}

function cellsOf(f: PlainFeature, columns: string[]): string[] {
  const p = f.properties;
  return columns.map((c) => {
    if (p && Object.prototype.hasOwnProperty.call(p, c)) return cellOf(p[c]);
    return c === 'id' ? cellOf(f.id) : '';
  });
}

/** Roles a file with geometry can map (its coordinates come from the geometry). */
function attributeGuess(guess: ColumnMapping): ColumnMapping {
  const { name, theme, status, county, address } = guess;
  const out: ColumnMapping = {};
  if (name) out.name = name;
  if (theme) out.theme = theme;
  if (status) out.status = status;
  if (county) out.county = county;
  if (address) out.address = address;
  return out;
}

export interface FeatureSessionInit {
  format: SourceFormat;
  fileName: string;
  features: PlainFeature[];
  crsFromFile?: string;
  notes?: string[];
  /** Per-feature problems found while reading (feature index → reason): rejected with that reason. */
  invalid?: Map<number, string>;
  /** Line numbers of features in the file, when known (else the feature's number, from 1). */
  lines?: number[];
}

export function featureSession(init: FeatureSessionInit, ctx: ImportContext): ImportSession {
  if (init.features.length === 0 && !init.notes?.length) init = { ...init, notes: ['文件中没有要素 · the file holds no features'] };
  const columns = columnsOf(init.features);
  const sample = init.features.slice(0, 20).map((f) => cellsOf(f, columns));
  const preview: ImportPreview = {
    format: init.format,
    fileName: init.fileName,
    columns,
    sample,
    guess: attributeGuess(guessColumns(columns, sample).guess),
    hasGeometry: true,
    crsFromFile: init.crsFromFile,
    notes: init.notes,
  };
  return {
    preview,
    async reopen() {
      return preview;
    },
    async run(options: ImportOptions): Promise<ImportedData> {
      if (options.signal?.aborted) throw new ImportError('cancelled', '已取消导入 · import cancelled');
      const b = new ColumnarBuilder({
        format: init.format,
        fileName: init.fileName,
        columns,
        mapping: options.mapping,
        crs: options.crs,
        gazetteer: ctx.gazetteer,
        expectedRows: init.features.length,
      });
      const started = Date.now();
      for (let i = 0; i < init.features.length; i++) {
        const f = init.features[i];
        const line = init.lines?.[i] ?? i + 1;
        const cells = cellsOf(f, columns);
        const bad = init.invalid?.get(i);
        if (bad) {
          b.rowsRead++;
          b.rejected.push({ line, reason: bad, raw: cells.join(',') });
          continue;
        }
        b.addFeature(cells, line, f.geometry);
        // Yield now and then so progress shows and Cancel is heard on big files.
        if ((i & 4095) === 4095) {
          options.onProgress?.({ rowsRead: i + 1, bytesRead: 0, totalBytes: 0 });
          if (Date.now() - started > 50) await new Promise((r) => setTimeout(r, 0));
          if (options.signal?.aborted) throw new ImportError('cancelled', '已取消导入 · import cancelled');
        }
      }
      options.onProgress?.({ rowsRead: init.features.length, bytesRead: 0, totalBytes: 0 });
      return b.finish(init.notes ?? []);
    },
  };
}
