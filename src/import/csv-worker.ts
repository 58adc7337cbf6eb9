/**
 * The CSV worker: a thin shell around csv-core. Receives the file's bytes, decodes them, parses
 * with papaparse in chunks, posts progress at most every 100 ms, and posts the columnar result
 * with its buffers transferred (no copy, no per-row objects reach the main thread).
 */
import { filterArrays } from '../datasets/imported-filter';
import { transferables } from './columnar';
import { parseCsvText } from './csv-core';
import { decodeText } from './encoding';
import type { CsvWorkerRequest, CsvWorkerResponse } from './csv-protocol';
import { ImportError } from './types';

const post = (m: CsvWorkerResponse, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);

self.addEventListener('message', async (ev: MessageEvent<CsvWorkerRequest>) => {
  const req = ev.data;
  const back = req.bytes instanceof ArrayBuffer ? req.bytes : null;
  try {
    const bytes = new Uint8Array(req.bytes instanceof ArrayBuffer ? req.bytes : await req.bytes.arrayBuffer());
    const decoded = decodeText(bytes, req.forcedEncoding);
    const notes = [...req.notes];
    if (req.previewEncoding && decoded.encoding !== req.previewEncoding) {
      notes.push(`文件后部不是 UTF-8，已按 GBK/GB18030 读取 · later in the file the bytes are not UTF-8: read as GBK/GB18030`);
    }
    let last = 0;
    const data = parseCsvText(decoded.text, {
      ...req.options,
      encoding: decoded.encoding,
      totalBytes: bytes.length,
      notes,
      onProgress(rowsRead, bytesRead) {
        const now = performance.now();
        if (now - last >= 100) {
          last = now;
          post({ type: 'progress', rowsRead, bytesRead });
        }
      },
    });
    const filters = filterArrays(data);
    const transfer = [...transferables(data), filters.categories.buffer, filters.table.buffer];
    post({ type: 'done', data, filters, bytes: back }, back ? [...transfer, back] : transfer);
  } catch (e) {
    const code = e instanceof ImportError ? e.code : 'worker';
    post({ type: 'error', code, message: e instanceof ImportError ? e.message : `读取失败 · reading failed: ${(e as Error).message}`, bytes: back }, back ? [back] : []);
  }
});
