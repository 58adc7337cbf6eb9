import { COUNTIES, COUNTY_EN, STATUSES, THEMES } from '../data/themes';
import { cellText } from '../datasets/cell-text';
import type { ImportDataset } from '../datasets/types';
import { NO_CODE } from '../import/types';
import { withStrings, type Lang } from '../i18n';
import { importedName } from './list-source';
import { h, rgbCss } from './dom';

// Words only this part uses: they come with its code, not with the page.
const t = withStrings({
  detailsLayer: ['图层', 'Layer'],
  detailsLine: ['文件行号', 'Line in the file'],
  detailsOriginal: ['原始数据', 'Original data'],
  detailsPlaced: ['位置', 'Location'],
  detailsExact: ['文件给出的坐标', 'coordinates from the file'],
  detailsApprox: ['按地名大致放置，约 ±{m}', 'placed approximately from a place name, about ±{m}'],
});

const formatMetres = (m: number) => (m >= 1000 ? `${(m / 1000).toFixed(m < 10000 ? 1 : 0)} km` : `${Math.round(m)} m`);

/**
 * An imported feature's card: its layer, line in the file, where it stands and how precisely, and
 * every original column as text (a cell holding markup shows as those characters).
 */
export function renderImportedDetails(el: HTMLElement, d: ImportDataset, index: number, lang: Lang, onClose: () => void): void {
  const zh = lang === 'zh';
  const data = d.data;
  const row = (label: string, ...value: (Node | string)[]) => [h('dt', {}, label), h('dd', {}, ...value)];
  const lon = data.positions[index * 2];
  const lat = data.positions[index * 2 + 1];
  const approx = data.approx[index] === 1;
  const th = data.theme[index] !== NO_CODE ? THEMES[data.theme[index]] : null;
  const st = data.status[index] !== NO_CODE ? STATUSES[data.status[index]] : null;
  const co = data.county[index] !== NO_CODE ? COUNTIES[data.county[index]] : null;
  el.hidden = false;
  el.replaceChildren(
    h('div', { class: 'details-head', style: `border-color:${rgbCss(d.colour)}` },
      h('h2', { id: 'details-title' }, importedName(d, index, lang)),
      h('p', { class: 'details-sub' }, `${d.name} · ${t(lang, 'importLine', { n: data.line[index] })}`),
      h('button', { type: 'button', class: 'close', 'aria-label': t(lang, 'close'), onClick: onClose }, '×'),
    ),
    h('dl', { class: 'details-body' },
      ...row(t(lang, 'detailsLayer'), h('span', { class: 'swatch', style: `background:${rgbCss(d.colour)}`, 'aria-hidden': 'true' }), ' ', d.name),
      ...row(t(lang, 'detailsLine'), String(data.line[index])),
      ...row(t(lang, 'detailsPlaced'), `${lon.toFixed(6)}, ${lat.toFixed(6)} (WGS-84) · `,
        approx ? t(lang, 'detailsApprox', { m: formatMetres(data.precision_m[index]) }) : t(lang, 'detailsExact')),
      ...(th ? row(t(lang, 'theme'), h('span', { class: 'swatch', style: `background:${rgbCss(th.color)}`, 'aria-hidden': 'true' }), ' ', zh ? th.zh : th.en) : []),
      ...(st ? row(t(lang, 'status'), zh ? st.zh : st.en) : []),
      ...(co ? row(t(lang, 'county'), zh ? co : COUNTY_EN[co]) : []),
    ),
    h('h3', { class: 'details-original' }, t(lang, 'detailsOriginal')),
    h('dl', { class: 'details-body details-cells' }, ...data.columns.flatMap((c, i) => row(c, cellText(data.cells[i], index)))),
  );
}
