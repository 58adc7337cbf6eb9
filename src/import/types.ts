/**
 * The contract between the import core (reading files: src/import/) and the rest of the app
 * (datasets, layers, panels). The core turns bytes into an {@link ImportedData}: columnar, so a
 * million rows cost a few typed arrays on the main thread, not a million objects.
 *
 * Flow: `openImport(source)` → {@link ImportSession} with a {@link ImportPreview} (format,
 * encoding, columns, a sample, a guessed mapping) → the user checks the mapping and the
 * coordinate system → `session.run(options)` → {@link ImportedData}, or an {@link ImportError}.
 *
 * (Added by the core) `openImportFile(file, ctx)` in index.ts does the same from a File/Blob and,
 * for a big CSV, lets the worker read the file itself (the main thread reads only its head):
 * prefer it for the file picker and drops. Additions to this file are marked "(added by the core)".
 */

/** File formats the app reads. */
export type SourceFormat = 'csv' | 'xlsx' | 'geojson' | 'kml' | 'gpx' | 'shapefile';

/** Text encodings tried in order: strict UTF-8 (with or without BOM), then GB18030 (a superset of GBK). */
export type TextEncoding = 'utf-8' | 'gb18030';

/** Coordinate systems a user can say their coordinates are in. All output is WGS-84. */
export type Crs = 'wgs84' | 'gcj02' | 'bd09';

/** What a column means to the app. */
export type FieldRole = 'lon' | 'lat' | 'coord' | 'wkt' | 'name' | 'theme' | 'status' | 'county' | 'address';

/** Role → column name (as in {@link ImportPreview.columns}). Missing role: not mapped. */
export type ColumnMapping = Partial<Record<FieldRole, string>>;

/**
 * Bytes from a file picker, a drop, or pasted text (encoded as UTF-8 by the caller).
 * (Note from the core) CSV `run()` TRANSFERS `bytes` to its worker instead of copying them (a copy
 * of a big file is a long main-thread task): after `run()` the caller's ArrayBuffer is detached;
 * the session keeps the bytes the worker hands back, so reopen()/run() still work — except after
 * a cancel, which terminates the worker and the bytes with it (run() then asks for the file again).
 */
export interface ImportSource {
  name: string;
  bytes: ArrayBuffer;
}

export interface ImportPreview {
  format: SourceFormat;
  fileName: string;
  /** Text formats only: the encoding used, and whether it was detected or chosen by the user. */
  encoding?: TextEncoding;
  /** CSV only: the delimiter found (`,` `;` tab `|`). */
  delimiter?: string;
  /** Column names, de-duplicated (a repeated header gets " (2)"), empty ones named "列 N". */
  columns: string[];
  /** The first rows as text (at most 20), for the mapping dialog. */
  sample: string[][];
  /** The mapping the core guessed; the user may change it. */
  guess: ColumnMapping;
  /** GeoJSON, KML, GPX, Shapefile: geometry comes from the file, only name/theme/status/county are mapped. */
  hasGeometry: boolean;
  /** Shapefile: the .prj said which system it is in (already reprojected to WGS-84 when run). */
  crsFromFile?: string;
  /** (added by the core) A 坐标 column: the order of its two numbers, guessed from the sample. */
  coordOrder?: CoordOrder;
  /** (added by the core) Things the user should know before running (zh · en), e.g. "no .prj: assumed WGS-84". */
  notes?: string[];
}

/** (added by the core) Order of the two numbers in a single coordinate column. */
export type CoordOrder = 'lonlat' | 'latlon';

export interface ImportOptions {
  mapping: ColumnMapping;
  crs: Crs;
  /** Progress while rows are read: called at most every ~100 ms. */
  onProgress?: (p: { rowsRead: number; bytesRead: number; totalBytes: number }) => void;
  /** Aborting stops the work (the worker is terminated) and `run` rejects with code 'cancelled'. */
  signal?: AbortSignal;
  /** (added by the core) Order of the numbers in the `coord` column; default: the preview's guess. */
  coordOrder?: CoordOrder;
}

export interface ImportSession {
  preview: ImportPreview;
  /** Re-reads the text with another encoding (the user's choice); a new preview. */
  reopen(encoding: TextEncoding): Promise<ImportPreview>;
  run(options: ImportOptions): Promise<ImportedData>;
}

/**
 * Cell text of one column for every accepted feature, UTF-8 bytes with offsets: transferable from
 * the worker, and stored in IndexedDB as is. Cell i is bytes[offsets[i] .. offsets[i + 1]).
 */
export interface TextColumn {
  bytes: Uint8Array;
  offsets: Uint32Array;
}

/** Why a row was not turned into a feature. `line` counts as the file does: header = line 1. */
export interface RejectedRow {
  line: number;
  reason: string;
  /** The row as text (cells joined by the delimiter), for the rejected-rows download. */
  raw: string;
}

/** A row that was kept but looks wrong, with the fix the app can offer. */
export interface RowFlag {
  line: number;
  /** Index of the feature in {@link ImportedData} (same order as `line`). */
  index: number;
  kind: 'swapped' | 'outside';
  /** Words for the user (zh · en). */
  message: string;
  /** 'swapped': the lon/lat the row gives when swapped back, WGS-84. */
  fix?: [number, number];
}

/** Codes for theme/status/county: index into THEME_KEYS / STATUS_KEYS / COUNTIES, 255 = none or unknown. */
export const NO_CODE = 255;

export interface ImportedData {
  format: SourceFormat;
  fileName: string;
  encoding?: TextEncoding;
  crs: Crs;
  mapping: ColumnMapping;
  /** Every original column; `cells[c]` holds column c for every feature. */
  columns: string[];
  cells: TextColumn[];
  /** Number of features. */
  count: number;
  /** Line in the file of each feature (header = 1); the feature's position for GeoJSON/KML/GPX/Shapefile. */
  line: Uint32Array;
  /** WGS-84 [lon, lat] per feature, interleaved (2 × count). For a line or area: its anchor point. */
  positions: Float64Array;
  /** Non-point geometries, WGS-84, by feature index; null where the feature is a point. Null when all are points. */
  geometries: (GeoJSON.Geometry | null)[] | null;
  /** Metres: 0 where the file gave coordinates; the place's radius where the row was placed from the gazetteer. */
  precision_m: Float32Array;
  /** 1 where the feature was placed from a place name (county, town, address), not from coordinates. */
  approx: Uint8Array;
  /** Codes of the mapped theme/status/county columns (see NO_CODE); all NO_CODE when not mapped. */
  theme: Uint8Array;
  status: Uint8Array;
  county: Uint8Array;
  /** Data rows read (header excluded) = count + rejected.length. */
  rowsRead: number;
  rejected: RejectedRow[];
  flags: RowFlag[];
  /** (added by the core) How many features were placed from a place name (= number of 1s in `approx`). */
  approxCount: number;
  /** (added by the core) Blank lines / rows with every cell empty: skipped, not counted in rowsRead. */
  emptyRows: number;
  /** (added by the core) Notes on the whole file (zh · en), e.g. the encoding fell back, no .prj. */
  notes: string[];
}

export type ImportErrorCode =
  | 'empty' // no bytes, or no data row
  | 'header-only'
  | 'binary' // not text, not a known binary format
  | 'bad-geojson'
  | 'bad-xml'
  | 'bad-zip'
  | 'projected-prj' // a .prj the app cannot reproject
  | 'unsupported'
  | 'no-coordinates' // no column maps to coordinates or a place
  | 'too-large'
  | 'cancelled'
  | 'worker'; // (added by the core) the parsing worker failed to start or crashed

/** A whole file the app cannot read: the message says what is wrong and what to do (zh · en). */
export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

/**
 * (added by the core) Places a row can be put at when it has no coordinates but names a place.
 * Built once by `buildImportGazetteer` (src/import/place.ts) from data/base/places.geojson and
 * data/base/counties.geojson; plain data, so it crosses into the CSV worker.
 */
export interface ImportGazetteer {
  /** The eight counties: index = code in COUNTIES; a point inside, and the radius of a disc of the same area. */
  counties: { name: string; short: string; en: string; at: [number, number]; radius_m: number }[];
  /** Towns and seats inside Jingzhou (names as in places.geojson, without 镇/乡). */
  towns: { name: string; at: [number, number]; precision_m: number }[];
  /** Jingzhou's outline (rings of the prefecture's polygons, WGS-84), for "far outside" checks. */
  outline: [number, number][][];
  /** Bounding box of the outline [w, s, e, n]. */
  bbox: [number, number, number, number];
}

/** (added by the core) What the core needs from the app: the gazetteer for approximate placement. */
export interface ImportContext {
  gazetteer: ImportGazetteer;
}
