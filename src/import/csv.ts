/**
 * CSV / TSV / TXT sessions on the main thread: the preview reads only the head of the file; `run`
 * hands the bytes to the CSV worker (csv-worker.ts) and waits for the columnar result, relaying
 * progress; aborting terminates the worker. Where no Worker exists (Node: tests, bench) the same
 * core runs inline.
 */
import { primeFilterArrays } from '../datasets/imported-filter';
import { ColumnarBuilder } from './columnar';
import { parseCsvText, previewCsv, type CsvPreview } from './csv-core';
import type { CsvWorkerRequest, CsvWorkerResponse } from './csv-protocol';
import { decodeText, isUtf8, hasUtf8Bom, utf16Bom } from './encoding';
import type { ImportContext, ImportedData, ImportOptions, ImportPreview, ImportSession, TextEncoding } from './types';
import { ImportError } from './types';

/** The preview decodes this much of the head of a file (20 sample rows need far less; kept small, as it is main-thread work). */
export const HEAD_BYTES = 64 * 1024;
/**
 * Files up to this size are checked for strict UTF-8 whole before the preview; larger ones by
 * their head, and the worker checks the whole (falling back to GB18030 with a note), so the main
 * thread never decodes a big file (~10 ms a MB).
 */
const FULL_CHECK_BYTES = 1024 * 1024;

const cancelledError = () => new ImportError('cancelled', '已取消导入 · import cancelled');

function detectEncoding(head: Uint8Array, whole: Uint8Array | null): TextEncoding {
  if (hasUtf8Bom(head) || utf16Bom(head)) return 'utf-8';
  if (whole && whole.length <= FULL_CHECK_BYTES) return isUtf8(whole) ? 'utf-8' : 'gb18030';
  return decodeText(head, undefined, true).encoding;
}

/** A big file not read yet: its head (for the preview) and the Blob the worker reads itself. */
export interface LazyFile {
  blob: Blob;
  head: Uint8Array;
}

/**
 * Opens a delimited-text file: the preview from its head, the parse in a worker on `run`. Given a
 * {@link LazyFile}, the main thread never holds the whole file: the worker reads the Blob.
 */
export function openCsv(input: Uint8Array | LazyFile, fileName: string, ctx: ImportContext): ImportSession {
  const lazy = input instanceof Uint8Array ? null : input;
  let bytes: Uint8Array | null = input instanceof Uint8Array ? input : null;
  const size = lazy ? lazy.blob.size : bytes!.length;
  /** A copy of the head: the bytes themselves go to the worker. */
  const headBytes = lazy ? lazy.head.slice(0, HEAD_BYTES) : bytes!.slice(0, HEAD_BYTES);
  /** True once the bytes went to a worker that was cancelled (terminated with them). */
  let released = false;
  let encoding = detectEncoding(headBytes, bytes);
  let forced: TextEncoding | undefined;
  const complete = size <= HEAD_BYTES;

  const makePreview = (): { preview: ImportPreview; csv: CsvPreview } => {
    // Utf-16 files carry a BOM: decodeText handles them when no encoding is forced.
    const text = decodeText(headBytes, forced ?? (utf16Bom(headBytes) ? undefined : encoding), !complete).text;
    const csv = previewCsv(text, complete);
    return {
      csv,
      preview: {
        format: 'csv',
        fileName,
        encoding,
        delimiter: csv.delimiter,
        columns: csv.columns,
        sample: csv.sample,
        guess: csv.guess,
        hasGeometry: false,
        coordOrder: csv.coordOrder,
      },
    };
  };
  let current = makePreview();

  const session: ImportSession = {
    get preview() {
      return current.preview;
    },
    async reopen(enc: TextEncoding) {
      forced = enc;
      encoding = enc;
      current = makePreview();
      return current.preview;
    },
    async run(options: ImportOptions): Promise<ImportedData> {
      if (!ColumnarBuilder.canLocate(options.mapping, false)) {
        throw new ImportError('no-coordinates', '没有找到坐标列或地名列，请在对应关系中指定经度/纬度、坐标、WKT、区县或地址列 · no coordinate or place column: map longitude/latitude, a coordinate pair, WKT, county or address');
      }
      if (options.signal?.aborted) throw cancelledError();
      if (released) throw new ImportError('cancelled', '导入已取消，文件已释放：请重新选择文件 · the import was cancelled and the file released: choose it again');
      const req: CsvWorkerRequest = {
        bytes: new ArrayBuffer(0) as ArrayBuffer | Blob,
        forcedEncoding: forced,
        previewEncoding: forced ? undefined : encoding,
        notes: [],
        options: {
          fileName,
          delimiter: current.csv.delimiter,
          columns: current.csv.columns,
          mapping: options.mapping,
          crs: options.crs,
          coordOrder: options.coordOrder ?? current.csv.coordOrder,
          gazetteer: ctx.gazetteer,
        },
      };
      if (typeof Worker === 'undefined') return runInline(bytes ?? new Uint8Array(await lazy!.blob.arrayBuffer()), req, options);
      if (lazy) {
        req.bytes = lazy.blob; // the worker reads the file itself
        return (await runInWorker(req, size, options)).data;
      }
      // The bytes are transferred, not copied (a copy of a big file is a long main-thread task);
      // the worker sends them back with its answer. Cancel terminates the worker and them with it.
      const b = bytes!;
      req.bytes = b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? (b.buffer as ArrayBuffer) : b.slice().buffer;
      try {
        const { data, returned } = await runInWorker(req, size, options);
        if (returned) bytes = new Uint8Array(returned);
        return data;
      } catch (e) {
        const back = e instanceof ImportError ? (e as WorkerError).returned : undefined;
        if (back) bytes = new Uint8Array(back);
        else released = true;
        throw e;
      }
    },
  };
  return session;
}

/** Node (tests, bench): the same core on this thread. */
async function runInline(bytes: Uint8Array, req: CsvWorkerRequest, options: ImportOptions): Promise<ImportedData> {
  const decoded = decodeText(bytes, req.forcedEncoding);
  const notes: string[] = [];
  if (req.previewEncoding && decoded.encoding !== req.previewEncoding) notes.push('文件后部不是 UTF-8，已按 GBK/GB18030 读取 · later in the file the bytes are not UTF-8: read as GBK/GB18030');
  return parseCsvText(decoded.text, {
    ...req.options,
    encoding: decoded.encoding,
    totalBytes: bytes.length,
    notes,
    onProgress: (rowsRead, bytesRead) => options.onProgress?.({ rowsRead, bytesRead, totalBytes: bytes.length }),
    cancelled: () => options.signal?.aborted ?? false,
  });
}

type WorkerError = ImportError & { returned?: ArrayBuffer | null };

function runInWorker(req: CsvWorkerRequest, totalBytes: number, options: ImportOptions): Promise<{ data: ImportedData; returned: ArrayBuffer | null }> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./csv-worker.ts', import.meta.url), { type: 'module', name: 'csv-import' });
    } catch (e) {
      reject(new ImportError('worker', `无法启动读取线程 · could not start the reading worker: ${(e as Error).message}`));
      return;
    }
    const onAbort = () => {
      worker.terminate();
      reject(cancelledError());
    };
    const done = () => {
      options.signal?.removeEventListener('abort', onAbort);
      worker.terminate();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    worker.addEventListener('message', (ev: MessageEvent<CsvWorkerResponse>) => {
      const m = ev.data;
      if (m.type === 'progress') options.onProgress?.({ rowsRead: m.rowsRead, bytesRead: m.bytesRead, totalBytes });
      else if (m.type === 'done') {
        done();
        primeFilterArrays(m.data, m.filters);
        options.onProgress?.({ rowsRead: m.data.rowsRead, bytesRead: totalBytes, totalBytes });
        resolve({ data: m.data, returned: m.bytes });
      } else {
        done();
        const err: WorkerError = new ImportError(m.code, m.message);
        err.returned = m.bytes;
        reject(err);
      }
    });
    worker.addEventListener('error', (ev) => {
      done();
      reject(new ImportError('worker', `读取线程出错 · the reading worker failed: ${ev.message || 'unknown error'}`));
    });
    worker.postMessage(req, req.bytes instanceof ArrayBuffer ? [req.bytes] : []);
  });
}
