/**
 * Which reader a file needs, from its bytes first and its name second: a zip is a Shapefile or an
 * XLSX (told apart by the entries it lists), XML is KML or GPX, JSON is GeoJSON, other text is
 * delimited text. Binary junk is refused whatever its name says.
 */
import { looksBinary } from './encoding';
import type { SourceFormat } from './types';
import { ImportError } from './types';

const ext = (name: string) => (/\.([a-z0-9]+)$/i.exec(name)?.[1] ?? '').toLowerCase();

/** True when the ASCII text occurs in the bytes (zip entry names are stored as plain text). */
function hasAscii(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  const n = text.length;
  outer: for (let i = bytes.indexOf(first); i >= 0 && i <= bytes.length - n; i = bytes.indexOf(first, i + 1)) {
    for (let k = 1; k < n; k++) if (bytes[i + k] !== text.charCodeAt(k)) continue outer;
    return true;
  }
  return false;
}

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5) && (b[3] === 4 || b[3] === 6);
const isOle = (b: Uint8Array) => b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/** The first non-blank characters of a text head (after a BOM), lower case. */
function textStart(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  return head.replace(/^\uFEFF|^ï»¿/, '').trimStart().slice(0, 2048).toLowerCase();
}

/** The format of a file; throws ImportError ('empty', 'binary', 'unsupported', 'bad-zip') when none fits. */
export function detectFormat(name: string, bytes: Uint8Array): SourceFormat {
  const e = ext(name);
  if (bytes.length === 0) throw new ImportError('empty', '文件是空的 · the file is empty');
  if (isZip(bytes)) {
    if (hasAscii(bytes, 'xl/workbook.xml')) return 'xlsx';
    if (hasAscii(bytes, '.shp') || hasAscii(bytes, '.SHP') || hasAscii(bytes, '.dbf') || hasAscii(bytes, '.DBF')) return 'shapefile';
    if (hasAscii(bytes, 'doc.kml') || e === 'kmz') {
      throw new ImportError('unsupported', 'KMZ 暂不支持：请解压后导入其中的 .kml 文件 · KMZ is not supported yet: unzip it and import the .kml inside');
    }
    throw new ImportError('bad-zip', '这个 zip 里没有 Shapefile（.shp/.dbf）也不是 Excel 表格 · this zip holds neither a Shapefile (.shp/.dbf) nor an Excel workbook');
  }
  if (isOle(bytes)) {
    throw new ImportError('unsupported', '旧版 Excel（.xls）暂不支持：请在 Excel 中另存为 .xlsx 或 CSV · old Excel (.xls) is not supported: save it as .xlsx or CSV in Excel');
  }
  if (e === 'xlsx') throw new ImportError('bad-zip', '文件名是 .xlsx，但内容不是 Excel 表格（已损坏？）· named .xlsx but not an Excel workbook (damaged?)');
  if (e === 'shp' || e === 'dbf' || e === 'shx') {
    throw new ImportError('unsupported', 'Shapefile 需要把 .shp、.dbf、.prj 等文件一起压缩成一个 zip 再导入 · zip the .shp, .dbf, .prj (and .cpg) files together and import the zip');
  }
  if (looksBinary(bytes)) {
    throw new ImportError('binary', `「${name}」不是文本文件（可能是图片、压缩包或其他二进制文件）· "${name}" is not a text file (an image, archive or other binary file?)`);
  }
  const start = textStart(bytes);
  if (start.startsWith('<')) {
    if (/<kml[\s>]/.test(start) || e === 'kml') return 'kml';
    if (/<gpx[\s>]/.test(start) || e === 'gpx') return 'gpx';
    throw new ImportError('unsupported', '这是 XML，但不是 KML 或 GPX · this is XML, but neither KML nor GPX');
  }
  if (e === 'kml') return 'kml';
  if (e === 'gpx') return 'gpx';
  if (start.startsWith('{') || e === 'geojson' || e === 'json' || (start.startsWith('[') && e !== 'csv' && e !== 'txt' && e !== 'tsv')) return 'geojson';
  return 'csv';
}
