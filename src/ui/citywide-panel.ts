import type { CitywideItem } from '../data/citywide';
import { THEMES } from '../data/themes';
import { t, type Lang } from '../i18n';
import { h, rgbCss } from './dom';

function itemRow(it: CitywideItem, lang: Lang): HTMLElement {
  const figure = it.figure ? h('span', { class: 'figure' }, `${it.figure}${it.unit ? ` ${it.unit}` : ''}`) : null;
  return h('li', { class: 'citywide-item', title: it.quote },
    h('span', { class: 'item-name' }, lang === 'zh' || !it.item_en ? it.item : it.item_en),
    figure,
    h('q', { class: 'item-quote' }, it.quote),
  );
}

/** Citywide items by theme, then the 2021 targets and the 十四五 goals, from data/citywide.csv. */
export function renderCitywide(el: HTMLElement, items: CitywideItem[], lang: Lang): void {
  const zh = lang === 'zh';
  const section = (title: string, rows: CitywideItem[], color?: [number, number, number]) =>
    rows.length ? h('section', { class: 'citywide-group' },
      h('h3', { style: color ? `border-color:${rgbCss(color)}` : null }, title),
      h('ul', {}, ...rows.map((r) => itemRow(r, lang)))) : null;
  el.replaceChildren(
    section(t(lang, 'targets2021'), items.filter((i) => i.kind === 'target2021')) ?? '',
    section(t(lang, 'goals145'), items.filter((i) => i.kind === 'goal145')) ?? '',
    ...THEMES.map((th) => section(zh ? th.zh : th.en, items.filter((i) => i.kind === 'item' && i.theme === th.key), th.color) ?? ''),
  );
}
