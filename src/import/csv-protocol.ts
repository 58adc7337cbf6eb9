/** Messages between csv.ts (main thread) and csv-worker.ts. */
import type { FilterArrays } from '../datasets/imported-filter';
import type { CsvRunOptions } from './csv-core';
import type { ImportedData, ImportErrorCode, TextEncoding } from './types';

export interface CsvWorkerRequest {
  /** The file: its bytes (transferred), or a Blob the worker reads itself. */
  bytes: ArrayBuffer | Blob;
  /** The user's choice; absent: detect (BOM → strict UTF-8 → GB18030) over the whole file. */
  forcedEncoding?: TextEncoding;
  /** What the preview found from the head of the file, to note a later fall-back. */
  previewEncoding?: TextEncoding;
  notes: string[];
  options: Omit<CsvRunOptions, 'onProgress' | 'cancelled' | 'totalBytes' | 'notes' | 'encoding'>;
}

export type CsvWorkerResponse =
  | { type: 'progress'; rowsRead: number; bytesRead: number }
  /**
   * `bytes`: the file's bytes transferred back to the session (null when it sent a Blob).
   * `filters`: the dataset's filter arrays, made here rather than on the page.
   */
  | { type: 'done'; data: ImportedData; filters: FilterArrays; bytes: ArrayBuffer | null }
  | { type: 'error'; code: ImportErrorCode; message: string; bytes: ArrayBuffer | null };
