/**
 * XLSX through exceljs, which this module's dynamic import keeps out of the first page load: the
 * first worksheet becomes rows of cell text (formulas by their cached result, dates as
 * YYYY-MM-DD, rich text and hyperlinks by their text), then the same column path as CSV. The
 * line of a row is its row number in the sheet.
 */
import { ColumnarBuilder } from './columnar';
import { guessColumns, uniqueColumnNames } from './detect-columns';
import type { ImportContext, ImportedData, ImportOptions, ImportPreview, ImportSession } from './types';
import { ImportError } from './types';

type CellValue = unknown;

/** A cell's value as the text Excel shows (roughly: number formats other than dates are not applied). */
export function excelCellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().replace(/T00:00:00\.000Z$/, '').replace(/\.000Z$/, 'Z');
  if (typeof v === 'object') {
    const o = v as { result?: unknown; richText?: { text: string }[]; text?: unknown; hyperlink?: string; error?: string; formula?: string; sharedFormula?: string };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if ('result' in o || o.formula || o.sharedFormula) return excelCellText(o.result);
    if (o.text !== undefined) return excelCellText(o.text);
    if (o.error) return o.error;
  }
  return String(v);
}

export async function openXlsx(buffer: ArrayBuffer, fileName: string, ctx: ImportContext): Promise<ImportSession> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer);
  } catch (e) {
    throw new ImportError('bad-zip', `Excel 文件无法读取（已损坏或加密？）· the Excel file cannot be read (damaged or password-protected?): ${(e as Error).message}`);
  }
  const sheet = wb.worksheets.find((s) => s.rowCount > 0) ?? wb.worksheets[0];
  if (!sheet || sheet.rowCount === 0) throw new ImportError('empty', '工作簿是空的 · the workbook is empty');
  const rows: { line: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as CellValue[]; // 1-based: values[0] is empty
    const cells: string[] = [];
    for (let c = 1; c < values.length; c++) cells.push(excelCellText(values[c]));
    rows.push({ line: rowNumber, cells });
  });
  const nonBlank = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (nonBlank.length === 0) throw new ImportError('empty', '第一个工作表是空的 · the first worksheet is empty');
  const headerRow = nonBlank[0];
  const width = Math.max(...nonBlank.slice(0, 50).map((r) => r.cells.length));
  const columns = uniqueColumnNames(Array.from({ length: width }, (_, i) => headerRow.cells[i] ?? ''));
  const data = nonBlank.slice(1);
  if (data.length === 0) throw new ImportError('header-only', '工作表只有表头，没有数据行 · the worksheet has a header but no data rows');
  const sample = data.slice(0, 20).map((r) => columns.map((_, i) => r.cells[i] ?? ''));
  const { guess, coordOrder } = guessColumns(columns, sample);
  const notes = wb.worksheets.length > 1 ? [`只读取了第一个工作表「${sheet.name}」（共 ${wb.worksheets.length} 个）· only the first worksheet "${sheet.name}" was read (of ${wb.worksheets.length})`] : [];
  const preview: ImportPreview = { format: 'xlsx', fileName, columns, sample, guess, hasGeometry: false, coordOrder, notes };
  return {
    preview,
    async reopen() {
      return preview;
    },
    async run(options: ImportOptions): Promise<ImportedData> {
      if (!ColumnarBuilder.canLocate(options.mapping, false)) {
        throw new ImportError('no-coordinates', '没有找到坐标列或地名列，请在对应关系中指定经度/纬度、坐标、WKT、区县或地址列 · no coordinate or place column: map longitude/latitude, a coordinate pair, WKT, county or address');
      }
      if (options.signal?.aborted) throw new ImportError('cancelled', '已取消导入 · import cancelled');
      const b = new ColumnarBuilder({
        format: 'xlsx',
        fileName,
        columns,
        mapping: options.mapping,
        crs: options.crs,
        coordOrder: options.coordOrder ?? coordOrder,
        gazetteer: ctx.gazetteer,
        delimiter: ',',
        expectedRows: data.length,
      });
      for (const r of data) b.addRow(r.cells, r.line);
      options.onProgress?.({ rowsRead: data.length, bytesRead: buffer.byteLength, totalBytes: buffer.byteLength });
      return b.finish(notes);
    },
  };
}
