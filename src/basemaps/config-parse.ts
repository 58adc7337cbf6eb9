import { isCrs } from './display-crs';
import { BasemapConfigError, CUSTOM_ID, EMBEDDED_ID, ID_RE, KEY_RE, type BasemapSource, type BasemapType, type CustomInput, type ParsedConfig } from './config';

// Reading a deployment's basemaps.json and a user's own base map: fetched only when there is one.

const TYPES: readonly BasemapType[] = ['raster', 'pmtiles', 'style'];

/**
 * Checks a tile or style URL: http(s) only (or a path on this site), no credentials in it. Returns
 * the absolute URL, or a reason it cannot be used.
 */
export function checkUrl(raw: unknown, base: string, template: boolean): { url: string } | { error: string } {
  if (typeof raw !== 'string' || raw.trim() === '' || raw.length > 2000) return { error: '缺少网址 missing URL' };
  let u: URL;
  try {
    // Braces of a template are kept as they are; URL() would escape them.
    u = new URL(raw.trim(), base);
  } catch {
    return { error: '不是有效的网址 not a valid URL' };
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return { error: `不允许的协议 protocol not allowed (${u.protocol})` };
  if (u.username || u.password) return { error: '网址中不能含用户名或密码 no user name or password in the URL' };
  const abs = decodeBraces(u.href);
  if (template && !(abs.includes('{z}') && abs.includes('{x}') && abs.includes('{y}'))) {
    return { error: '瓦片网址模板须含 {z} {x} {y} — the tile template needs {z}, {x} and {y}' };
  }
  return { url: abs };
}

function decodeBraces(href: string): string {
  return href.replace(/%7B/gi, '{').replace(/%7D/gi, '}');
}

function text(v: unknown, max = 300): string | null {
  return typeof v === 'string' && v.trim() !== '' && v.length <= max && !/[<>]/.test(v) ? v.trim() : null;
}

function num(v: unknown, min: number, max: number, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? v : fallback;
}

function urlList(raw: unknown, base: string, what: string): string[] {
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > 16) throw new Error(`${what}: 须为 1–16 个网址的列表 — a list of 1–16 URLs`);
  return raw.map((r, i) => {
    const c = checkUrl(r, base, true);
    if ('error' in c) throw new Error(`${what}[${i}]: ${c.error}`);
    return c.url;
  });
}

/** Checks one entry of `basemaps`; throws an Error whose message says what is wrong. */
export function parseSource(raw: unknown, base: string): BasemapSource {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('不是对象 not an object');
  const r = raw as Record<string, unknown>;
  const id = r.id;
  if (typeof id !== 'string' || !ID_RE.test(id)) throw new Error('id 须为小写字母、数字和连字符 — id must be lower-case letters, digits and hyphens');
  if (id === EMBEDDED_ID || id === CUSTOM_ID) throw new Error(`id "${id}" 为保留名 is reserved`);
  const type = r.type as BasemapType;
  if (!TYPES.includes(type)) throw new Error(`type 须为 ${TYPES.join(' / ')} — unknown type`);
  if (!isCrs(r.crs)) throw new Error('crs 须为 wgs84 / cgcs2000 / gcj02 / bd09 — say which coordinate system the tiles are in');
  const name = r.name as Record<string, unknown> | undefined;
  const zh = text(name?.zh, 40);
  const en = text(name?.en, 60) ?? zh;
  if (!zh || !en) throw new Error('name.zh 缺失 missing name');
  const attribution = text(r.attribution);
  if (!attribution) throw new Error('attribution 缺失：须写明版权与出处 — missing attribution (the licence requires one)');
  const src: BasemapSource = {
    id, type, crs: r.crs, name: { zh, en }, attribution,
    tileSize: r.tileSize === 512 ? 512 : 256,
    minzoom: num(r.minzoom, 0, 22, 0),
    maxzoom: num(r.maxzoom, 0, 22, 18),
  };
  if (r.timeoutMs !== undefined) src.timeoutMs = num(r.timeoutMs, 1000, 120000, 15000);
  const approval = text(r.approval, 80);
  if (approval) src.approval = approval;
  if (type === 'raster') {
    src.tiles = urlList(r.tiles, base, 'tiles');
    if (r.labels !== undefined) src.labels = { tiles: urlList((r.labels as { tiles?: unknown })?.tiles, base, 'labels.tiles') };
  } else {
    const c = checkUrl(r.url, base, false);
    if ('error' in c) throw new Error(`url: ${c.error}`);
    src.url = c.url;
  }
  const needsKey = [...(src.tiles ?? []), ...(src.labels?.tiles ?? []), src.url ?? ''].some((u) => u.includes('{key}'));
  if (needsKey) {
    if (r.key !== undefined && r.key !== '' && (typeof r.key !== 'string' || !KEY_RE.test(r.key))) {
      throw new Error('key 只能含字母、数字、_ 和 - — the key may only hold letters, digits, _ and -');
    }
    src.key = typeof r.key === 'string' ? r.key : '';
    src.keyLabel = text(r.keyLabel, 40) ?? 'key';
  }
  return src;
}

/**
 * Parses the text of basemaps.json. A file that is not JSON or not this format throws a
 * BasemapConfigError; an entry that is wrong is left out and named in `problems`, and the rest
 * is offered. Nothing here logs: keys stay out of the console.
 */
export function parseConfig(textIn: string, base: string): ParsedConfig {
  let json: unknown;
  try {
    json = JSON.parse(textIn);
  } catch {
    throw new BasemapConfigError('不是有效的 JSON — not valid JSON');
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new BasemapConfigError('须为一个 JSON 对象 — must be a JSON object');
  const j = json as Record<string, unknown>;
  if (j.version !== 1) throw new BasemapConfigError('version 须为 1 — "version": 1 is required');
  if (!Array.isArray(j.basemaps)) throw new BasemapConfigError('缺少 basemaps 列表 — "basemaps" must be a list');
  const problems: string[] = [];
  const basemaps: BasemapSource[] = [];
  j.basemaps.forEach((raw, i) => {
    const label = typeof (raw as { id?: unknown })?.id === 'string' ? `basemaps[${i}] "${String((raw as { id: string }).id).slice(0, 40)}"` : `basemaps[${i}]`;
    try {
      const src = parseSource(raw, base);
      if (basemaps.some((b) => b.id === src.id)) throw new Error('id 重复 duplicate id');
      basemaps.push(src);
    } catch (e) {
      problems.push(`${label}: ${(e as Error).message}`);
    }
  });
  const wanted = typeof j.default === 'string' ? j.default : EMBEDDED_ID;
  const defaultId = wanted === EMBEDDED_ID || basemaps.some((b) => b.id === wanted) ? wanted : EMBEDDED_ID;
  if (defaultId !== wanted) problems.push(`default "${wanted.slice(0, 40)}": 未列出 not listed — the embedded map is the default`);
  return {
    config: { version: 1, defaultId, allowCustom: j.allowCustom === true, timeoutMs: num(j.timeoutMs, 1000, 120000, 15000), basemaps },
    problems,
  };
}

/**
 * The user's own base map as a source, or a reason it cannot be used. The URL is only ever used to
 * fetch tiles (xyz) or a MapLibre style (style); nothing else is taken from it.
 */
export function customSource(input: CustomInput, base: string): BasemapSource | { error: string } {
  if (!isCrs(input.crs)) return { error: '请选择坐标系 choose the coordinate system' };
  const c = checkUrl(input.url, base, input.kind === 'xyz');
  if ('error' in c) return c;
  let host = '';
  try {
    host = new URL(c.url.replace(/[{}]/g, '')).host;
  } catch {
    /* checked above */
  }
  return {
    id: CUSTOM_ID,
    type: input.kind === 'xyz' ? 'raster' : 'style',
    name: { zh: `自定义底图（${host}）`, en: `Custom base map (${host})` },
    crs: input.crs,
    attribution: `自定义 custom: ${host}`,
    ...(input.kind === 'xyz' ? { tiles: [c.url] } : { url: c.url }),
    tileSize: 256,
    minzoom: 0,
    maxzoom: 19,
  };
}
