import type { CitywideItem } from '../data/citywide';
import type { Project } from '../data/projects';
import { STATUSES, THEMES, statusInfo, themeInfo } from '../data/themes';
import { withStrings, type Lang } from '../i18n';
import type { TourStop } from '../present/tour';
import { highlightParts } from './details';
import { h, rgbCss } from './dom';

// Words only this part uses: they come with its code, not with the page.
const t = withStrings({
  tourProgress: ['导览进度', 'Tour progress'],
  paused: ['已暂停', 'paused'],
  tourOverview: ['2021年政府工作报告中的 {n} 个有地点的项目', '{n} placed projects of the 2021 government work report'],
  tourThemeCount: ['{n} 个项目', '{n} projects'],
  dashProjects: ['项目 {n} 个', '{n} projects'],
});

/** The caption under the map: what the tour shows now, with the report's words, and the progress. */
export function renderCaption(el: HTMLElement, stop: TourStop, index: number, total: number, playing: boolean, lang: Lang): void {
  const zh = lang === 'zh';
  const progress = h('div', { class: 'tour-progress', role: 'progressbar', 'aria-valuemin': 1, 'aria-valuemax': total, 'aria-valuenow': index + 1, 'aria-label': t(lang, 'tourProgress') },
    h('div', { class: 'tour-progress-bar', style: `width:${(((index + 1) / total) * 100).toFixed(2)}%` }));
  const counter = h('span', { class: 'tour-counter' }, `${index + 1} / ${total}${playing ? '' : ` · ${t(lang, 'paused')}`}`);
  let body: HTMLElement;
  if (stop.kind === 'overview') {
    body = h('div', { class: 'caption-body' },
      h('h2', {}, t(lang, 'title')),
      h('p', { class: 'caption-sub' }, t(lang, 'tourOverview', { n: stop.count })));
  } else if (stop.kind === 'theme') {
    const th = themeInfo(stop.theme);
    const byStatus = STATUSES.map((s) => ({ s, n: stop.projects.filter((p) => p.status === s.key).length })).filter((x) => x.n > 0);
    body = h('div', { class: 'caption-body', style: `border-color:${rgbCss(th.color)}` },
      h('h2', {}, zh ? th.zh : th.en),
      h('p', { class: 'caption-heading' }, th.heading),
      h('p', { class: 'caption-sub' }, `${t(lang, 'tourThemeCount', { n: stop.projects.length })} · ${byStatus.map((x) => `${zh ? x.s.zh : x.s.en} ${x.n}`).join(' · ')}`));
  } else {
    const p = stop.project;
    const th = themeInfo(p.theme);
    const st = statusInfo(p.status);
    const [before, mark, after] = highlightParts(p.quote, p.name);
    body = h('div', { class: 'caption-body', style: `border-color:${rgbCss(th.color)}` },
      h('h2', {}, zh ? p.name : p.name_en, h('span', { class: 'caption-status' }, `${zh ? st.zh : st.en}${p.status_verb ? ` 「${p.status_verb}」` : ''}`)),
      h('blockquote', { class: 'caption-quote' }, before, mark ? h('mark', {}, mark) : '', after),
      h('p', { class: 'caption-sub' }, `${zh ? th.zh : th.en}${zh ? '' : ` · ${p.name}`}`));
  }
  el.replaceChildren(progress, counter, body);
}

/** 大屏 side panels: counts by theme and by status, the 2021 targets and the 十四五 goals. */
export function renderDashboard(left: HTMLElement, right: HTMLElement, shown: Project[], citywide: CitywideItem[], lang: Lang): void {
  const zh = lang === 'zh';
  const max = Math.max(1, ...THEMES.map((th) => shown.filter((p) => p.theme === th.key).length));
  left.replaceChildren(
    h('h2', {}, t(lang, 'dashProjects', { n: shown.length })),
    h('ul', { class: 'dash-bars' }, ...THEMES.map((th) => {
      const n = shown.filter((p) => p.theme === th.key).length;
      return h('li', {},
        h('span', { class: 'dash-label' }, zh ? th.zh : th.en),
        h('span', { class: 'dash-bar', style: `width:${(n / max) * 100}%;background:${rgbCss(th.color)}` }),
        h('span', { class: 'dash-num' }, String(n)));
    })),
    h('h2', {}, t(lang, 'filterStatus')),
    h('ul', { class: 'dash-grid' }, ...STATUSES.map((s) => h('li', {},
      h('span', { class: 'dash-big' }, String(shown.filter((p) => p.status === s.key).length)),
      h('span', { class: 'dash-label' }, zh ? s.zh : s.en)))),
  );
  const figures = (kind: CitywideItem['kind']) => h('ul', { class: 'dash-figures' }, ...citywide.filter((i) => i.kind === kind).map((i) =>
    h('li', {},
      // A target with no number (城乡居民收入增长: 与经济增长基本同步) shows its words, not a dash posing as a figure.
      i.figure ? h('span', { class: 'dash-big' }, i.figure, h('small', {}, i.unit)) : h('span', { class: 'dash-words' }, i.unit || i.quote),
      h('span', { class: 'dash-label' }, zh || !i.item_en ? i.item : i.item_en))));
  right.replaceChildren(h('h2', {}, t(lang, 'targets2021')), figures('target2021'), h('h2', {}, t(lang, 'goals145')), figures('goal145'));
}
