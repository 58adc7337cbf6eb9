/**
 * The import core's entry: `openImport(source, ctx)` detects the format and returns a session
 * (preview → run). Readers with heavy dependencies (exceljs, shpjs, togeojson) are loaded only
 * when such a file arrives. See types.ts for the contract.
 */
import { HEAD_BYTES, openCsv } from './csv';
import { detectFormat } from './detect-format';
import { decodeText } from './encoding';
import { openGeojson } from './geojson';
import type { ImportContext, ImportSession, ImportSource } from './types';
import { ImportError } from './types';

export { buildImportGazetteer } from './place';
export { cellText } from './columnar';
export { ImportError, NO_CODE } from './types';
export type * from './types';

/** Files above this size are refused before reading: the browser tab would run out of memory. */
export const MAX_IMPORT_BYTES = 1024 * 1024 * 1024;

export async function openImport(source: ImportSource, ctx: ImportContext): Promise<ImportSession> {
  const bytes = new Uint8Array(source.bytes);
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new ImportError('too-large', `文件太大（${Math.round(bytes.length / 1048576)} MB），最多 1 GB · the file is too large (${Math.round(bytes.length / 1048576)} MB); at most 1 GB`);
  }
  const format = detectFormat(source.name, bytes);
  switch (format) {
    case 'csv':
      return openCsv(bytes, source.name, ctx);
    case 'geojson':
      return openGeojson(decodeText(bytes).text, source.name, ctx);
    case 'kml':
    case 'gpx': {
      const { openKmlGpx } = await import('./kml-gpx');
      return openKmlGpx(decodeText(bytes).text, format, source.name, ctx);
    }
    case 'shapefile': {
      const { openShapefile } = await import('./shapefile');
      return openShapefile(source.bytes, source.name, ctx);
    }
    case 'xlsx': {
      const { openXlsx } = await import('./xlsx');
      return openXlsx(source.bytes, source.name, ctx);
    }
  }
}

/**
 * (added by the core) Opens a File (picker or drop) without reading a big CSV on the main thread:
 * the head gives the format and the preview, and the CSV worker reads the file itself. Other
 * formats (and small files) are read whole and go through {@link openImport}.
 */
export async function openImportFile(file: Blob & { name: string }, ctx: ImportContext): Promise<ImportSession> {
  if (file.size > MAX_IMPORT_BYTES) {
    throw new ImportError('too-large', `文件太大（${Math.round(file.size / 1048576)} MB），最多 1 GB · the file is too large (${Math.round(file.size / 1048576)} MB); at most 1 GB`);
  }
  if (file.size > HEAD_BYTES) {
    const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
    // A zip lists its entries at its end: only text formats can be told from the head.
    if (!(head[0] === 0x50 && head[1] === 0x4b) && detectFormat(file.name, head) === 'csv') return openCsv({ blob: file, head }, file.name, ctx);
  }
  return openImport({ name: file.name, bytes: await file.arrayBuffer() }, ctx);
}
