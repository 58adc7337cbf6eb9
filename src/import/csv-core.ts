/**
 * The pure part of CSV import: text → preview, and text → {@link ImportedData} with papaparse in
 * chunks. No DOM, no Worker: runs in the CSV worker (csv-worker.ts), on the main thread when no
 * Worker exists (Node tests), and under the Node bench alike.
 */
import Papa from 'papaparse';
import { ColumnarBuilder } from './columnar';
import { detectDelimiter, guessColumns, uniqueColumnNames } from './detect-columns';
import type { ColumnMapping, CoordOrder, Crs, ImportedData, ImportGazetteer, TextEncoding } from './types';
import { ImportError } from './types';

export interface CsvPreview {
  delimiter: string;
  columns: string[];
  sample: string[][];
  guess: ColumnMapping;
  coordOrder?: CoordOrder;
}

export const SAMPLE_ROWS = 20;

const isBlank = (row: string[]) => {
  for (let i = 0; i < row.length; i++) if (row[i].trim() !== '') return false;
  return true;
};

/**
 * Header, delimiter, a sample and the guessed mapping from the head of a text.
 * Throws ImportError 'empty' (nothing but blanks) or 'header-only' (no data row).
 */
export function previewCsv(head: string, complete: boolean): CsvPreview {
  if (head.trim() === '') throw new ImportError('empty', '文件是空的 · the file is empty');
  // papaparse's guess, checked: kept when it splits as many lines as any candidate into the
  // header's number of fields.
  const papaGuess = Papa.parse<string[]>(head, { preview: 30 }).meta.delimiter;
  const delimiter = detectDelimiter(head, papaGuess);
  const rows = Papa.parse<string[]>(head, { delimiter, preview: SAMPLE_ROWS + 30, skipEmptyLines: false }).data;
  const nonBlank = rows.filter((r) => !isBlank(r));
  // A head cut mid-file may end with a partial row: drop it unless the text is complete.
  if (!complete && nonBlank.length > 2) nonBlank.pop();
  const header = nonBlank[0] ?? [];
  const columns = uniqueColumnNames(header);
  const sample = nonBlank.slice(1, SAMPLE_ROWS + 1).map((r) => columns.map((_, i) => r[i] ?? ''));
  if (sample.length === 0) throw new ImportError('header-only', '文件只有表头，没有数据行 · the file has a header but no data rows');
  const { guess, coordOrder } = guessColumns(columns, sample);
  return { delimiter, columns, sample, guess, coordOrder };
}

export interface CsvRunOptions {
  fileName: string;
  encoding?: TextEncoding;
  delimiter: string;
  columns: string[];
  mapping: ColumnMapping;
  crs: Crs;
  coordOrder?: CoordOrder;
  gazetteer: ImportGazetteer;
  /** Bytes of the file, for progress (text length is in UTF-16 units). */
  totalBytes?: number;
  /** Called after each chunk. */
  onProgress?: (rowsRead: number, bytesRead: number) => void;
  /** Checked after each chunk: true stops the parse with ImportError 'cancelled'. */
  cancelled?: () => boolean;
  notes?: string[];
  /** Characters per papaparse chunk (default 256 Ki: as fast as larger ones, finer progress and cancel). */
  chunkSize?: number;
}

/** Line breaks inside a cell (quoted newlines): CRLF counts once, as in the file. */
function breaksIn(cell: string): number {
  let n = 0;
  for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) n++;
  for (let i = cell.indexOf('\r'); i >= 0; i = cell.indexOf('\r', i + 1)) if (cell.charCodeAt(i + 1) !== 10) n++;
  return n;
}

/**
 * Parses the whole text into columns. Rows keep the line the file gives them (header = line 1,
 * quoted newlines counted); blank lines are skipped and not counted as rows.
 */
export function parseCsvText(text: string, o: CsvRunOptions): ImportedData {
  const builder = new ColumnarBuilder({
    format: 'csv',
    fileName: o.fileName,
    encoding: o.encoding,
    columns: o.columns,
    mapping: o.mapping,
    crs: o.crs,
    coordOrder: o.coordOrder,
    gazetteer: o.gazetteer,
    delimiter: o.delimiter,
    // ~30 bytes a row is typical for point lists; the arrays grow if the guess is short.
    expectedRows: Math.min(Math.ceil(text.length / 30), 4_000_000),
  });
  // Without a quote character no cell can hold a line break: skip looking for one.
  const quoted = text.indexOf('"') >= 0;
  const total = o.totalBytes ?? text.length;
  const chunkSize = o.chunkSize ?? 1 << 18;
  let line = 1;
  let headerSeen = false;
  let charsRead = 0;
  let cancelled = false;
  // papaparse streams a string in chunks when given chunkSize + chunk (its types only allow that for files).
  const config = {
    delimiter: o.delimiter,
    skipEmptyLines: false,
    chunkSize,
    chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
      const rows = results.data;
      for (let r = 0; r < rows.length; r++) {
        const cells = rows[r];
        const at = line;
        line += 1;
        if (quoted) for (let c = 0; c < cells.length; c++) if (cells[c].length > 0) line += breaksIn(cells[c]);
        if (cells.length === 1 && cells[0] === '') continue; // a blank line
        if (!headerSeen) {
          headerSeen = true;
          continue;
        }
        if (isBlank(cells)) {
          builder.skipEmpty();
          continue;
        }
        builder.addRow(cells, at);
      }
      charsRead = Math.min(text.length, charsRead + chunkSize);
      o.onProgress?.(builder.rowsRead, Math.round((charsRead / text.length) * total));
      if (o.cancelled?.()) {
        cancelled = true;
        parser.abort();
      }
    },
  };
  Papa.parse<string[]>(text, config as unknown as Papa.ParseConfig<string[]>);
  if (cancelled) throw new ImportError('cancelled', '已取消导入 · import cancelled');
  return builder.finish(o.notes ?? []);
}
