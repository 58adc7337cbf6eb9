/**
 * Column detection: which header means longitude, latitude, a "lon,lat" pair, WKT, name, theme,
 * status, county, address — from the header words (Chinese and English) and, where the words do
 * not say, from the sample values. Also the number parsing every text format shares (decimal
 * commas, degree signs, hemisphere letters, degrees-minutes-seconds).
 */
import type { ColumnMapping, CoordOrder, FieldRole } from './types';
import { looksLikeWkt } from './wkt';

/** Lower case, no spaces, brackets or units: "经度 (°)" → "经度", "Point_X" → "point_x". */
function normHeader(h: string): string {
  return h
    .trim()
    .toLowerCase()
    .replace(/[（(【[].*?[)）】\]]/g, '')
    .replace(/[\s°]+/g, '');
}

const ASCII_WORD = (words: string) => new RegExp(`(?:^|[^a-z])(?:${words})\\d*(?:[^a-z]|$)`);

/** Header tests per role, most specific first. */
const HEADER_TESTS: Record<Exclude<FieldRole, 'coord' | 'wkt'>, ((h: string) => boolean)[]> = {
  lon: [(h) => h.includes('经度') || h === '东经', (h) => ASCII_WORD('lon|lng|long|longitude|lgtd').test(h), (h) => /^(?:x|point_?x|x坐标|坐标x|xcoord|x_coord)$/.test(h)],
  lat: [(h) => h.includes('纬度') || h === '北纬', (h) => ASCII_WORD('lat|latitude|lttd').test(h), (h) => /^(?:y|point_?y|y坐标|坐标y|ycoord|y_coord)$/.test(h)],
  name: [
    (h) => h === '项目名称' || h === '名称' || h === 'name' || h === '名字',
    (h) => h.endsWith('名称') || h === 'title' || h === '标题' || h === '项目' || h === 'projectname' || h === 'project_name',
    (h) => ASCII_WORD('name').test(h) || h.includes('名称'),
  ],
  theme: [(h) => h === '主题' || h === 'theme', (h) => h === '类别' || h === '分类' || h === 'category' || h === '类型' || h === '行业' || h.includes('主题')],
  status: [(h) => h === '状态' || h === 'status', (h) => h === '进度' || h === '阶段' || h === 'stage' || h.endsWith('状态') || h.includes('进度')],
  county: [(h) => h === '区县' || h === '县市区' || h === '县区' || h === 'county', (h) => h.includes('区县') || h.includes('县市') || h.startsWith('县') || h === 'district' || h === '行政区' || h === '所属区县' || h === '所在区县'],
  address: [(h) => h === '地址' || h === 'address' || h === 'addr', (h) => h.includes('地址') || h === '地点' || h.includes('建设地点') || h === '所在地' || h === '位置' || h === '乡镇' || h === '乡镇街道' || h === 'location'],
};

const COORD_HEADER = /^(?:坐标|经纬度|经纬度坐标|坐标经纬度|gps|gps坐标|coord|coords|coordinate|coordinates|lonlat|lnglat|latlon|latlng|location|位置|point)$/;
const WKT_HEADER = /^(?:wkt|geometry|geom|the_geom|shape|几何|空间|空间信息|geometry_wkt)$/;

/** A number from a cell: decimal comma, degree sign, N/S/E/W (or 东西南北), D°M′S″. NaN when none. */
export function parseNumber(s: string): number {
  const n = +s;
  // The fast path: a plain number. `+''` and `+'  '` are 0, and `+'0x1f'` parses as hex: guard both.
  if (n === n && n !== 0) {
    const c = s.charCodeAt(s.length > 1 ? 1 : 0);
    if (c !== 120 && c !== 88) return n; // not "0x…"
  }
  return parseNumberSlow(s);
}

const DMS = /^([+-]?\d+(?:\.\d+)?)\s*[°度]\s*(?:(\d+(?:\.\d+)?)\s*['′’分]\s*(?:(\d+(?:\.\d+)?)\s*(?:["″”]|''|秒)\s*)?)?([NSEW东西南北])?$/i;
const DECIMAL = /^([+-]?\d+(?:[.,]\d+)?)\s*°?\s*([NSEW东西南北])?$/i;

function parseNumberSlow(raw: string): number {
  const s = raw.trim().replace(/[＋－．０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (!s) return NaN;
  let m = DECIMAL.exec(s);
  if (m) {
    const v = Number(m[1].replace(',', '.'));
    return /[SW西南]/i.test(m[2] ?? '') ? -v : v;
  }
  m = DMS.exec(s);
  if (m) {
    const deg = Number(m[1]);
    const v = Math.abs(deg) + Number(m[2] ?? 0) / 60 + Number(m[3] ?? 0) / 3600;
    return (deg < 0 || /[SW西南]/i.test(m[4] ?? '') ? -1 : 1) * v;
  }
  return NaN;
}

/**
 * Two numbers from one cell: "112.2,30.3", "112.2 30.3", "112,2;30,3" (decimal commas), "(112.2, 30.3)".
 * In the order they are written; null when the cell does not hold exactly two numbers.
 */
export function parsePair(cell: string): [number, number] | null {
  const s = cell.trim().replace(/^[[(（]|[\])）]$/g, '').trim();
  if (!s) return null;
  let parts = s.split(/\s*[;；，、]\s*|\s*,\s+|\s+/).filter(Boolean);
  if (parts.length !== 2) {
    const byComma = s.split(',').map((p) => p.trim());
    if (byComma.length === 2) parts = byComma;
    else if (byComma.length === 4) parts = [`${byComma[0]}.${byComma[1]}`, `${byComma[2]}.${byComma[3]}`];
    else return null;
  }
  const a = parseNumber(parts[0]);
  const b = parseNumber(parts[1]);
  return Number.isFinite(a) && Number.isFinite(b) ? [a, b] : null;
}

/** The order of the numbers in a coordinate column, by majority of the sample (latitudes stay within ±90). */
export function guessCoordOrder(values: string[]): CoordOrder {
  let lonlat = 0;
  let latlon = 0;
  for (const v of values) {
    const p = parsePair(v);
    if (!p) continue;
    const [a, b] = p;
    if (Math.abs(a) > 90 && Math.abs(b) <= 90) lonlat++;
    else if (Math.abs(b) > 90 && Math.abs(a) <= 90) latlon++;
    // Both within ±90 (most of the world, not China): a longitude is usually the larger number here.
    else if (Math.abs(a) > Math.abs(b)) lonlat++;
    else if (Math.abs(b) > Math.abs(a)) latlon++;
  }
  return latlon > lonlat ? 'latlon' : 'lonlat';
}

function share(values: string[], test: (v: string) => boolean): number {
  const nonEmpty = values.filter((v) => v.trim() !== '');
  if (nonEmpty.length === 0) return 0;
  return nonEmpty.filter(test).length / nonEmpty.length;
}

export interface ColumnGuess {
  guess: ColumnMapping;
  coordOrder?: CoordOrder;
}

/**
 * Guesses the mapping from the header and a sample of rows (cells as text). Each role takes the
 * first column whose header passes its most specific test; coordinate columns are confirmed by
 * their values, and found by their values alone when no header names them.
 */
export function guessColumns(columns: string[], sample: string[][]): ColumnGuess {
  const norm = columns.map(normHeader);
  const valuesOf = (i: number) => sample.map((r) => r[i] ?? '');
  const used = new Set<number>();
  const guess: ColumnMapping = {};
  const take = (role: FieldRole, i: number) => {
    guess[role] = columns[i];
    used.add(i);
  };
  const numeric = (i: number) => share(valuesOf(i), (v) => Number.isFinite(parseNumber(v))) >= 0.5;

  // WKT: by header and confirmed by values, or by values alone.
  const wktIdx = norm.findIndex((h, i) => WKT_HEADER.test(h) && share(valuesOf(i), looksLikeWkt) >= 0.5);
  const wktByValue = wktIdx >= 0 ? wktIdx : columns.findIndex((_, i) => share(valuesOf(i), looksLikeWkt) >= 0.8);
  if (wktByValue >= 0) take('wkt', wktByValue);

  for (const role of ['lon', 'lat'] as const) {
    for (const test of HEADER_TESTS[role]) {
      const i = norm.findIndex((h, k) => !used.has(k) && test(h) && (sample.length === 0 || numeric(k)));
      if (i >= 0) {
        take(role, i);
        break;
      }
    }
  }
  if (!guess.lon || !guess.lat) {
    // A single column of pairs: by header, else by values.
    delete guess.lon;
    delete guess.lat;
    used.clear();
    if (guess.wkt) used.add(columns.indexOf(guess.wkt));
    const isPair = (i: number) => share(valuesOf(i), (v) => parsePair(v) !== null) >= 0.5;
    let c = norm.findIndex((h, i) => !used.has(i) && COORD_HEADER.test(h) && (sample.length === 0 || isPair(i)));
    if (c < 0) c = columns.findIndex((_, i) => !used.has(i) && sample.length > 0 && share(valuesOf(i), (v) => parsePair(v) !== null && !/[a-z]/i.test(v)) >= 0.8);
    if (c >= 0) {
      take('coord', c);
    } else if (!guess.wkt && sample.length > 0) {
      // No header says it: two numeric columns within China's longitudes and latitudes.
      const inRange = (i: number, lo: number, hi: number) =>
        share(valuesOf(i), (v) => {
          const n = parseNumber(v);
          return n >= lo && n <= hi;
        }) >= 0.8;
      const lon = columns.findIndex((_, i) => !used.has(i) && inRange(i, 73, 136));
      const lat = columns.findIndex((_, i) => !used.has(i) && i !== lon && inRange(i, 3, 54));
      if (lon >= 0 && lat >= 0) {
        take('lon', lon);
        take('lat', lat);
      }
    }
  }

  for (const role of ['name', 'county', 'address', 'theme', 'status'] as const) {
    for (const test of HEADER_TESTS[role]) {
      const i = norm.findIndex((h, k) => !used.has(k) && test(h));
      if (i >= 0) {
        take(role, i);
        break;
      }
    }
  }
  // A 位置/location column that held pairs went to coord above; one that holds text is an address.
  const out: ColumnGuess = { guess };
  if (guess.coord) out.coordOrder = guessCoordOrder(valuesOf(columns.indexOf(guess.coord)));
  return out;
}

/**
 * Header names as the preview shows them: trimmed, empty ones "列 N", repeats " (2)", " (3)"…
 * so that every column has a distinct name a mapping can refer to.
 */
export function uniqueColumnNames(header: string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((h, i) => {
    let name = (h ?? '').trim() || `列 ${i + 1}`;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    if (n > 1) name = `${name} (${n})`;
    return name;
  });
}

/** The delimiters the CSV reader accepts. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** Lines of a head of text, split outside quotes (at most 30, blank ones skipped). */
function headLines(head: string): string[] {
  const lines: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < head.length && lines.length < 30; i++) {
    const ch = head[i];
    if (ch === '"') quoted = !quoted;
    if (!quoted && (ch === '\n' || ch === '\r')) {
      if (cur.trim()) lines.push(cur);
      cur = '';
      continue;
    }
    if (!quoted || ch !== '\n') cur += ch;
  }
  if (cur.trim() && lines.length < 30) lines.push(cur);
  return lines;
}

/**
 * How well a delimiter fits the head: lines whose field count equals the header's (× 1000), plus
 * the field count; −1 when it does not split the header at all.
 */
export function delimiterScore(head: string, d: string): number {
  const counts = headLines(head).map((l) => splitOutsideQuotes(l, d));
  const first = counts[0] ?? 1;
  if (first < 2) return -1;
  return counts.filter((c) => c === first).length * 1000 + Math.min(first, 50) * 2 + (d === ',' ? 0 : 1);
}

/**
 * The delimiter of a delimited text: papaparse's guess (given as `guess`), kept when it fits the
 * head at least as well as any other candidate; else the best-fitting candidate. (papaparse falls
 * back to "," when nothing fits, and weighs field-count spread rather than whole lines.)
 */
export function detectDelimiter(head: string, guess?: string): string {
  let best = ',';
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const score = delimiterScore(head, d);
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  if (guess && (DELIMITERS as readonly string[]).includes(guess) && Math.floor(delimiterScore(head, guess) / 1000) >= Math.floor(bestScore / 1000)) return guess;
  return best;
}

function splitOutsideQuotes(line: string, d: string): number {
  let n = 1;
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') q = !q;
    else if (!q && ch === d) n++;
  }
  return n;
}
