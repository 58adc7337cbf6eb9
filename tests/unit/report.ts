import fs from 'node:fs';
import path from 'node:path';
import { THEMES, type ThemeKey } from '../../src/data/themes';

/** The report, compacted: white space and line breaks removed (the layout breaks words across lines). */
export const REPORT = fs.readFileSync(path.resolve(import.meta.dirname, '../../seeds/000_58069c5d153029ea.txt'), 'utf8');
export const compact = (s: string): string => s.replace(/\s+/g, '');
export const REPORT_COMPACT = compact(REPORT);

/**
 * The theme of the text at a position, computed from the report itself: each heading stands AFTER
 * the block it heads, so a position belongs to the first heading that follows it.
 */
const headingAt = THEMES.map((t) => ({ key: t.key, at: REPORT_COMPACT.indexOf(compact(t.heading)) }));
export function themeAt(pos: number): ThemeKey | null {
  const after = headingAt.filter((h) => h.at >= pos).sort((a, b) => a.at - b.at)[0];
  return after ? after.key : null;
}
export function headingsFound(): boolean {
  return headingAt.every((h) => h.at >= 0);
}
/** Every position where the compacted quote occurs. */
export function occurrences(quote: string): number[] {
  const q = compact(quote);
  const out: number[] = [];
  for (let i = REPORT_COMPACT.indexOf(q); i >= 0; i = REPORT_COMPACT.indexOf(q, i + 1)) out.push(i);
  return out;
}
