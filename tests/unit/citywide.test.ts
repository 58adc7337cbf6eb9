import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCitywide } from '../../src/data/citywide';
import { DataFileError } from '../../src/data/errors';
import { headingsFound, occurrences, themeAt } from './report';

const text = fs.readFileSync(path.resolve(import.meta.dirname, '../../data/citywide.csv'), 'utf8');

describe('data/citywide.csv', () => {
  const { items, rejected } = parseCitywide(text);

  it('parses with no rejected row', () => {
    expect(rejected).toEqual([]);
    expect(items.length).toBeGreaterThan(40);
  });

  it('finds the eight headings in the report', () => expect(headingsFound()).toBe(true));

  it('quotes the report verbatim (white space aside) in every row', () => {
    const missing = items.filter((i) => occurrences(i.quote).length === 0).map((i) => i.quote);
    expect(missing).toEqual([]);
  });

  it('gives each item the theme of the section its quote stands in', () => {
    const wrong = items
      .filter((i) => i.kind === 'item')
      .filter((i) => themeAt(occurrences(i.quote)[0]) !== i.theme)
      .map((i) => `${i.item}: ${i.theme} ≠ ${themeAt(occurrences(i.quote)[0])}`);
    expect(wrong).toEqual([]);
  });

  it('has every figure it names inside its quote', () => {
    const bad = items.filter((i) => i.figure && !i.quote.includes(i.figure)).map((i) => i.item);
    expect(bad).toEqual([]);
  });

  it('holds all six 2021 targets with figures and the four 十四五 goals', () => {
    const t = items.filter((i) => i.kind === 'target2021' && i.figure).map((i) => `${i.figure}${i.unit}`);
    expect(t).toEqual(expect.arrayContaining(['11%以上', '12%', '15%', '25.6%', '5%以内']));
    const g = items.filter((i) => i.kind === 'goal145').map((i) => i.figure);
    expect(g).toEqual(expect.arrayContaining(['4000', '52236', '28036', '2.5', '62']));
  });

  it('lists the named citywide figures', () => {
    const figures = new Map(items.map((i) => [i.item, i.figure]));
    expect(figures.get('改造老旧小区')).toBe('97');
    expect(figures.get('改造棚户区房屋')).toBe('1799');
    expect(figures.get('新改户厕')).toBe('53159');
    expect(figures.get('关改搬转沿江化工企业')).toBe('23');
    expect(figures.get('新增就业')).toBe('4.5');
  });
});

describe('parseCitywide on bad input', () => {
  it('names a missing column', () => {
    expect(() => parseCitywide('kind,theme,item\nitem,urban,x\n')).toThrow(DataFileError);
    expect(() => parseCitywide('kind,theme,item\nitem,urban,x\n')).toThrow(/quote/);
  });

  it('rejects bad rows with their line and reason, keeping the good ones', () => {
    const csv = '\uFEFFkind,theme,item,item_en,figure,unit,quote\nitem,urban,好,ok,1,个,某句\nitem,nonsense,坏,bad,,,某句\nfoo,urban,坏,bad,,,某句\nitem,urban,,empty,,,\n';
    const r = parseCitywide(csv);
    expect(r.items.map((i) => i.item)).toEqual(['好']);
    expect(r.rejected.map((x) => x.line)).toEqual([3, 4, 5]);
    expect(r.rejected[0].reason).toMatch(/theme/);
    expect(r.rejected[1].reason).toMatch(/kind/);
  });
});
