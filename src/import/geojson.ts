/**
 * GeoJSON: a FeatureCollection, a Feature, a bare Geometry or a GeometryCollection. Checked with
 * @placemarkio/check-geojson's `scavenge`: a broken feature is rejected with its reason and the
 * rest imported; a broken file (bad JSON, wrong root, ambiguous members) is refused with the
 * problem's line and column. Very large files skip the detailed check (it builds a syntax tree).
 */
import { getIssues, HintError, scavenge } from '@placemarkio/check-geojson';
import { featureSession, type PlainFeature } from './features';
import type { ImportContext, ImportSession } from './types';
import { ImportError } from './types';

/** Above this many characters only JSON.parse and the builder's own checks run. */
const DETAILED_CHECK_MAX = 20_000_000;

/** "line L, column C" of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return { line, column: offset - last };
}

function badGeojson(detail: string, text?: string, offset?: number, at?: { line: number; column: number }): ImportError {
  let where = '';
  if (at || (text !== undefined && offset !== undefined && offset >= 0)) {
    const { line, column } = at ?? lineColumn(text!, offset!);
    where = `（第 ${line} 行第 ${column} 列 · line ${line}, column ${column}）`;
  }
  return new ImportError('bad-geojson', `GeoJSON 有误，无法导入${where} · invalid GeoJSON, not imported: ${detail}`);
}

/**
 * JSON.parse; on a syntax error the position comes from V8's message when it gives one, else
 * from check-geojson's own JSON parser, which names line and column.
 */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const pos = /position (\d+)/.exec(msg);
    if (pos) throw badGeojson(`不是有效的 JSON · not valid JSON (${msg})`, text, Number(pos[1]));
    if (text.length <= DETAILED_CHECK_MAX) {
      const issue = getIssues(text)[0];
      const lc = issue && /\((\d+):(\d+)\)\s*$/.exec(issue.message);
      if (lc) {
        const [line, column] = [Number(lc[1]), Number(lc[2])];
        throw badGeojson(`不是有效的 JSON · not valid JSON (${issue.message.replace(/\s*\(\d+:\d+\)\s*$/, '')})`, undefined, undefined, { line, column });
      }
    }
    throw badGeojson(`不是有效的 JSON · not valid JSON (${msg})`);
  }
}

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

/** Root → features, in file order. */
function featuresOf(root: unknown): PlainFeature[] {
  if (root === null || typeof root !== 'object' || Array.isArray(root)) throw badGeojson('根不是 GeoJSON 对象 · the root is not a GeoJSON object');
  const r = root as { type?: unknown; features?: unknown; geometry?: unknown; properties?: unknown; id?: unknown };
  if (r.type === 'FeatureCollection') {
    if (!Array.isArray(r.features)) throw badGeojson('FeatureCollection 没有 features 数组 · FeatureCollection has no features array');
    return r.features.map((f) => {
      const x = (f ?? {}) as { geometry?: GeoJSON.Geometry | null; properties?: Record<string, unknown> | null; id?: string | number };
      return { geometry: x.geometry ?? null, properties: x.properties ?? null, id: x.id };
    });
  }
  if (r.type === 'Feature') return [{ geometry: (r.geometry as GeoJSON.Geometry) ?? null, properties: (r.properties as Record<string, unknown>) ?? null, id: r.id as string }];
  if (typeof r.type === 'string' && GEOMETRY_TYPES.has(r.type)) return [{ geometry: root as GeoJSON.Geometry, properties: null }];
  if (r.type === 'Topology') throw badGeojson('这是 TopoJSON，请先转换为 GeoJSON · this is TopoJSON: convert it to GeoJSON first');
  throw badGeojson(`不认识的类型 · unknown type "${String(r.type)}"`);
}

/** Reads GeoJSON text into an import session. */
export function openGeojson(text: string, fileName: string, ctx: ImportContext): ImportSession {
  if (text.trim() === '') throw new ImportError('empty', '文件是空的 · the file is empty');
  const root = parseJson(text);
  const features = featuresOf(root);
  const invalid = new Map<number, string>();
  if (text.length <= DETAILED_CHECK_MAX) {
    let result: ReturnType<typeof scavenge>;
    try {
      result = scavenge(text);
    } catch (e) {
      if (e instanceof HintError) {
        const first = e.issues[0];
        const more = e.issues.length > 1 ? `（另有 ${e.issues.length - 1} 处 · and ${e.issues.length - 1} more）` : '';
        throw badGeojson(`${first?.message ?? e.message}${more}`, text, first?.from);
      }
      throw badGeojson(`结构不对 · wrong structure (${(e as Error).message})`);
    }
    if (result.rejected.length > 0 && Array.isArray((root as { features?: unknown }).features)) {
      // scavenge returns the rejected features, not their positions: find them by their JSON.
      const reasons = new Map<string, string[]>();
      for (const r of result.rejected) {
        const key = JSON.stringify(r.feature);
        reasons.set(key, [...(reasons.get(key) ?? []), r.reasons.map((x) => x.message).join('; ')]);
      }
      const raw = (root as { features: unknown[] }).features;
      raw.forEach((f, i) => {
        const list = reasons.get(JSON.stringify(f));
        if (list?.length) invalid.set(i, `要素无效 · invalid feature: ${list.shift()}`);
      });
    }
  }
  return featureSession({ format: 'geojson', fileName, features, invalid }, ctx);
}
