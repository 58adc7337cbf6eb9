import Papa from 'papaparse';
import citywideUrl from '../../data/citywide.csv?url';
import { DataFileError } from './errors';
import { fetchText } from './fetch-data';
import { THEME_KEYS, type ThemeKey } from './themes';

/** A row of data/citywide.csv: a citywide item, a 2021 target or a 十四五 goal. */
export interface CitywideItem {
  kind: 'item' | 'target2021' | 'goal145';
  theme: ThemeKey | '';
  item: string;
  item_en: string;
  figure: string;
  unit: string;
  quote: string;
}

const COLUMNS = ['kind', 'theme', 'item', 'item_en', 'figure', 'unit', 'quote'] as const;
const KINDS = ['item', 'target2021', 'goal145'];

/** Parses the CSV text; a row that breaks the schema is rejected with its line number and reason. */
export function parseCitywide(text: string): { items: CitywideItem[]; rejected: { line: number; reason: string }[] } {
  const res = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  const missing = COLUMNS.filter((c) => !res.meta.fields?.includes(c));
  if (missing.length) throw new DataFileError('data/citywide.csv', `缺少列 missing column(s): ${missing.join(', ')}`);
  const items: CitywideItem[] = [];
  const rejected: { line: number; reason: string }[] = [];
  res.data.forEach((r, i) => {
    const line = i + 2; // header is line 1
    if (!KINDS.includes(r.kind)) return rejected.push({ line, reason: `kind 无效 unknown kind "${r.kind}"` });
    if (r.theme && !THEME_KEYS.includes(r.theme as ThemeKey)) return rejected.push({ line, reason: `theme 无效 unknown theme "${r.theme}"` });
    if (!r.item?.trim() || !r.quote?.trim()) return rejected.push({ line, reason: 'item 或 quote 为空 empty item or quote' });
    items.push({ kind: r.kind as CitywideItem['kind'], theme: (r.theme ?? '') as ThemeKey | '', item: r.item, item_en: r.item_en ?? '', figure: r.figure ?? '', unit: r.unit ?? '', quote: r.quote });
  });
  return { items, rejected };
}

export async function loadCitywide(): Promise<CitywideItem[]> {
  return parseCitywide(await fetchText(citywideUrl, 'data/citywide.csv')).items;
}
