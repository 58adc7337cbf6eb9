import { THEMES } from '../data/themes';
import { t, type Lang } from '../i18n';
import { h, rgbCss } from './dom';

const LEGEND_LAYERS = 4;

/** One legend for both encodings: colour = theme, fill/outline = status. A <details>: closed on phones. */
export function renderLegend(el: HTMLElement, lang: Lang, imported: readonly { name: string; colour: readonly [number, number, number] }[] = []): void {
  const zh = lang === 'zh';
  el.replaceChildren(
    h('summary', {}, t(lang, 'legend')),
    h('ul', { class: 'legend-themes' }, ...THEMES.map((th) => h('li', {}, h('span', { class: 'swatch', style: `background:${rgbCss(th.color)}` }), zh ? th.zh : th.en))),
    h('ul', { class: 'legend-status' },
      h('li', {}, h('span', { class: 'sym sym-hollow', 'aria-hidden': 'true' }), t(lang, 'legendNotStarted')),
      h('li', {}, h('span', { class: 'sym sym-solid', 'aria-hidden': 'true' }), t(lang, 'legendBuilding')),
      h('li', {}, h('span', { class: 'sym sym-done', 'aria-hidden': 'true' }), t(lang, 'legendDone')),
      h('li', {}, h('span', { class: 'sym sym-link', 'aria-hidden': 'true' }), t(lang, 'legendLink')),
      h('li', {}, h('span', { class: 'sym sym-precision', 'aria-hidden': 'true' }), t(lang, 'legendPrecision')),
    ),
    // Imported layers: their own colours (never a theme's), hollow where placed from a place name.
    imported.length ? h('ul', { class: 'legend-imported', 'aria-label': t(lang, 'legendImported') },
      // A few layers by name; the 图层 tab lists them all, the legend must not cover the map.
      ...imported.slice(0, LEGEND_LAYERS).map((d) => h('li', {}, h('span', { class: 'sym sym-import', style: `--c:${rgbCss(d.colour)}`, 'aria-hidden': 'true' }), d.name)),
      imported.length > LEGEND_LAYERS ? h('li', { class: 'legend-more' }, t(lang, 'legendMoreLayers', { n: imported.length - LEGEND_LAYERS })) : '',
      h('li', {}, h('span', { class: 'sym sym-import sym-import-approx', 'aria-hidden': 'true' }), t(lang, 'legendApprox'))) : '',
  );
}
