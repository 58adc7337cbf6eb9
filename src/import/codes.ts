/**
 * Theme, status and county cells → the app's codes (index into THEME_KEYS / STATUS_KEYS /
 * COUNTIES), by key, Chinese or English label and a few common synonyms; anything else NO_CODE.
 * A Map per vocabulary, so a million rows cost one lookup each (cached per distinct value).
 */
import { COUNTIES, COUNTY_EN, STATUSES, THEMES } from '../data/themes';
import { NO_CODE } from './types';

export type CodeKind = 'theme' | 'status' | 'county';

const norm = (s: string) => s.trim().toLowerCase().replace(/[\s_\-·.]+/g, '');

function table(entries: [string, number][]): Map<string, number> {
  const m = new Map<string, number>();
  for (const [k, v] of entries) m.set(norm(k), v);
  return m;
}

const THEME_TABLE = table(
  THEMES.flatMap((t, i): [string, number][] => [
    [t.key, i],
    [t.zh, i],
    [t.en, i],
    [t.heading, i],
  ]),
);

/** Words ledgers use for stages beside the app's own labels. */
const STATUS_SYNONYMS: Record<string, string> = {
  规划: 'planning', 谋划中: 'planning', 前期: 'preliminary', 开工: 'start', 新建: 'start', 在建: 'ongoing',
  建设中: 'ongoing', 施工中: 'ongoing', 完工: 'complete', 已完工: 'complete', 竣工: 'complete', 已建成: 'complete',
  投产: 'in_service', 运营: 'in_service', 已投用: 'in_service', planned: 'planning', underconstruction: 'ongoing',
  completed: 'complete', inservice: 'in_service', operating: 'in_service',
};

const STATUS_TABLE = table([
  ...STATUSES.flatMap((s, i): [string, number][] => [
    [s.key, i],
    [s.zh, i],
    [s.en, i],
  ]),
  ...Object.entries(STATUS_SYNONYMS).map(([w, key]): [string, number] => [w, STATUSES.findIndex((s) => s.key === key)]),
]);

const COUNTY_TABLE = table(
  COUNTIES.flatMap((c, i): [string, number][] => {
    const short = c.slice(0, -1);
    const en = COUNTY_EN[c];
    const rows: [string, number][] = [
      [c, i],
      [en, i],
      [en.replace(/ District$/, ''), i],
      [`${en} County`, i],
      [`${en} City`, i],
    ];
    // 荆州 alone names the city, 沙市 the old city: only the full names count for the two districts.
    if (c !== '荆州区' && c !== '沙市区') rows.push([short, i], [`${short}县`, i], [`${short}市`, i]);
    return rows;
  }),
);

const TABLES: Record<CodeKind, Map<string, number>> = { theme: THEME_TABLE, status: STATUS_TABLE, county: COUNTY_TABLE };

/** The code of a cell, NO_CODE when it names nothing the app knows. */
export function codeOf(kind: CodeKind, value: string): number {
  if (!value) return NO_CODE;
  return TABLES[kind].get(norm(value)) ?? NO_CODE;
}

/** A per-column cache: distinct values are few, rows many. */
export function codeLookup(kind: CodeKind): (value: string) => number {
  const cache = new Map<string, number>();
  return (value) => {
    let c = cache.get(value);
    if (c === undefined) {
      c = codeOf(kind, value);
      if (cache.size < 10_000) cache.set(value, c);
    }
    return c;
  };
}
