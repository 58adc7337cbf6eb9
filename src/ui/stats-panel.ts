import type { Project } from '../data/projects';
import { COUNTIES, COUNTY_EN, STATUSES, THEMES } from '../data/themes';
import { withStrings, type Lang } from '../i18n';
import { h, svg } from './dom';

// Words only this part uses: they come with its code, not with the page.
const t = withStrings({
  byThemeStatus: ['按主题与进度', 'By theme and status'],
  byCounty: ['按县市区', 'By county'],
});

/** Tallies of the imported features the filters show, keyed like the report's (theme, theme|status, county). */
export interface ImportedTally {
  cell: Map<string, number>;
  byCounty: Map<string, number>;
  n: number;
}

/** Grey ramp for the status stages, light (not started) to dark (done): readable without colour. */
const STATUS_SHADE = ['#d9d9d9', '#bdbdbd', '#969696', '#737373', '#525252', '#252525', '#9e9ac8'];

/**
 * Two charts that follow the filters: projects by theme, stacked by status; projects by county
 * with share and rank. Plain SVG built from text nodes.
 */
export function renderStats(el: HTMLElement, shown: Project[], lang: Lang, imported?: ImportedTally): void {
  const zh = lang === 'zh';
  const W = 320;
  const barH = 18;
  const labelW = 84;
  // One pass over the projects: theme × status and county tallies.
  const cell = new Map<string, number>();
  const byCounty = new Map<string, number>();
  for (const p of shown) {
    cell.set(p.theme, (cell.get(p.theme) ?? 0) + 1);
    cell.set(`${p.theme}|${p.status}`, (cell.get(`${p.theme}|${p.status}`) ?? 0) + 1);
    for (const c of p.county) byCounty.set(c, (byCounty.get(c) ?? 0) + 1);
  }
  // Imported features count where their theme/status/county columns were mapped.
  if (imported) {
    for (const [k, n] of imported.cell) cell.set(k, (cell.get(k) ?? 0) + n);
    for (const [k, n] of imported.byCounty) byCounty.set(k, (byCounty.get(k) ?? 0) + n);
  }
  const max = Math.max(1, ...THEMES.map((th) => cell.get(th.key) ?? 0));
  const themeChart = svg('svg', { viewBox: `0 0 ${W} ${THEMES.length * (barH + 6) + 4}`, class: 'chart', role: 'img', 'aria-label': t(lang, 'byThemeStatus') });
  THEMES.forEach((th, i) => {
    const y = i * (barH + 6) + 2;
    themeChart.append(svg('text', { x: labelW - 4, y: y + barH - 5, 'text-anchor': 'end', class: 'chart-label' }, zh ? th.zh : th.en));
    let x = labelW;
    STATUSES.forEach((st, j) => {
      const n = cell.get(`${th.key}|${st.key}`) ?? 0;
      if (!n) return;
      const w = (n / max) * (W - labelW - 30);
      themeChart.append(svg('rect', { x, y, width: w, height: barH, fill: STATUS_SHADE[j], stroke: `rgb(${th.color.join(',')})`, 'stroke-width': 1.5 },
        svg('title', {}, `${zh ? th.zh : th.en} · ${zh ? st.zh : st.en}: ${n}`)));
      x += w;
    });
    themeChart.append(svg('text', { x: x + 4, y: y + barH - 5, class: 'chart-value' }, String(cell.get(th.key) ?? 0)));
  });
  const statusKey = h('ul', { class: 'chart-key' }, ...STATUSES.map((st, j) => h('li', {}, h('span', { class: 'swatch', style: `background:${STATUS_SHADE[j]}` }), zh ? st.zh : st.en)));

  const counts = COUNTIES.map((c) => ({ c, n: byCounty.get(c) ?? 0 })).sort((a, b) => b.n - a.n);
  const cmax = Math.max(1, ...counts.map((x) => x.n));
  const total = shown.length + (imported?.n ?? 0) || 1;
  const countyChart = svg('svg', { viewBox: `0 0 ${W} ${counts.length * (barH + 6) + 4}`, class: 'chart', role: 'img', 'aria-label': t(lang, 'byCounty') });
  counts.forEach(({ c, n }, i) => {
    const y = i * (barH + 6) + 2;
    const w = (n / cmax) * (W - labelW - 90);
    countyChart.append(
      svg('text', { x: labelW - 4, y: y + barH - 5, 'text-anchor': 'end', class: 'chart-label' }, zh ? c : COUNTY_EN[c]),
      svg('rect', { x: labelW, y, width: w, height: barH, fill: '#7d2318' }),
      svg('text', { x: labelW + w + 4, y: y + barH - 5, class: 'chart-value' }, `${n} · ${Math.round((n / total) * 100)}% · #${i + 1}`),
    );
  });
  el.replaceChildren(
    h('h3', {}, t(lang, 'byThemeStatus')), themeChart, statusKey,
    h('h3', {}, t(lang, 'byCounty')), countyChart,
  );
}
