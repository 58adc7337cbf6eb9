import type { Project } from '../data/projects';
import { COUNTY_EN, statusInfo, themeInfo } from '../data/themes';
import { areaKm2, formatKm, lengthKm } from '../geo/measure';
import { withStrings, type Lang } from '../i18n';
import { normalise } from '../state/filters';
import { h, rgbCss } from './dom';

// Words only this part uses: they come with its code, not with the page.
const t = withStrings({
  precisionCircle: ['约 ±{m}（地图上的圆圈）', 'about ±{m} (the circle on the map)'],
  length: ['长度', 'Length'],
});

export interface Neighbour {
  project: Project;
  km: number;
}

/**
 * Splits the quote around the item's own words, so they can be marked inside the sentence.
 * The match ignores white space (the report breaks lines inside words).
 */
export function highlightParts(quote: string, name: string): [string, string, string] {
  const target = normalise(name).replace(/[“”"]/g, '');
  if (!target) return [quote, '', ''];
  // Map each non-space character of the quote to its index, search in the compact form.
  const idx: number[] = [];
  let compact = '';
  for (let i = 0; i < quote.length; i++) {
    if (/\s/.test(quote[i])) continue;
    idx.push(i);
    compact += quote[i].toLowerCase();
  }
  // The name may be longer than the words in the quote (荆州中心医院荆北新院二期 vs 荆北新院二期); try shrinking from the left.
  for (let cut = 0; cut < target.length - 1; cut++) {
    const at = compact.indexOf(target.slice(cut));
    if (at >= 0) {
      const start = idx[at];
      const end = idx[at + target.length - cut - 1] + 1;
      return [quote.slice(0, start), quote.slice(start, end), quote.slice(end)];
    }
  }
  return [quote, '', ''];
}

/** `extra`: a section another feature keeps current (the location correction), shown last. */
export function renderDetails(el: HTMLElement, p: Project | null, neighbours: Neighbour[], lang: Lang, onClose: () => void, onChoose: (id: string) => void, extra?: Node): void {
  if (!p) {
    el.replaceChildren();
    el.hidden = true;
    return;
  }
  const zh = lang === 'zh';
  const th = themeInfo(p.theme);
  const st = statusInfo(p.status);
  const [before, mark, after] = highlightParts(p.quote, p.name);
  const len = lengthKm(p.geometry);
  const area = areaKm2(p.geometry);
  const row = (label: string, ...value: (Node | string)[]) => [h('dt', {}, label), h('dd', {}, ...value)];
  const precision = p.precision_m >= 1000 ? `${(p.precision_m / 1000).toFixed(p.precision_m < 10000 ? 1 : 0)} km` : `${p.precision_m} m`;
  el.hidden = false;
  el.replaceChildren(
    h('div', { class: 'details-head', style: `border-color:${rgbCss(th.color)}` },
      h('h2', { id: 'details-title' }, zh ? p.name : p.name_en),
      h('p', { class: 'details-sub' }, zh ? p.name_en : p.name),
      h('button', { type: 'button', class: 'close', 'aria-label': t(lang, 'close'), onClick: onClose }, '×'),
    ),
    h('dl', { class: 'details-body' },
      ...row(t(lang, 'theme'), h('span', { class: 'swatch', style: `background:${rgbCss(th.color)}`, 'aria-hidden': 'true' }), zh ? th.zh : th.en),
      ...row(t(lang, 'status'), `${zh ? st.zh : st.en}`, p.status_verb ? h('span', { class: 'verb' }, `「${p.status_verb}」`) : ''),
      ...row(t(lang, 'quote'), h('blockquote', { class: 'quote' }, before, mark ? h('mark', {}, mark) : '', after)),
      ...row(t(lang, 'county'), p.county.map((c) => (zh ? c : COUNTY_EN[c])).join(t(lang, 'listSeparator'))),
      ...(len > 0 ? row(t(lang, 'length'), formatKm(len)) : []),
      ...(area > 0 ? row(t(lang, 'area'), area < 1 ? `${(area * 100).toFixed(1)} ha` : `${area.toFixed(area < 10 ? 2 : 0)} km²`) : []),
      ...row(t(lang, 'precision'), t(lang, p.kind === 'point' ? 'precisionCircle' : 'precisionValue', { m: precision })),
      ...row(t(lang, 'source'), p.location_source),
      ...(p.note ? row(t(lang, 'note'), p.note) : []),
      ...(neighbours.length
        ? row(t(lang, 'nearest'), h('ul', { class: 'nearest' }, ...neighbours.map((n) =>
          h('li', {}, h('button', { type: 'button', class: 'link', onClick: () => onChoose(n.project.id) }, zh ? n.project.name : n.project.name_en), ` ${formatKm(n.km)}`))))
        : []),
    ),
    ...(extra ? [extra] : []),
  );
}
