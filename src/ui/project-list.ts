import type { Project } from '../data/projects';
import { statusInfo, themeInfo } from '../data/themes';
import { t, type Lang } from '../i18n';
import { h, rgbCss } from './dom';

/** Rows drawn at most: enough for the report; a synthetic 100k set stays cheap to filter. */
const MAX_ROWS = 120;

export interface ListHandlers {
  onChoose(id: string): void;
  onHover(id: string | null): void;
  onEscape(): void;
}

/**
 * The filtered projects as a listbox: ↑/↓/Home/End move, Enter chooses (the map flies there and
 * the details open), Esc closes the details. Each row's accessible name is the project's name,
 * theme and status.
 */
export function renderProjectList(el: HTMLElement, shown: Project[], total: number, selectedId: string | null, lang: Lang, h_: ListHandlers): void {
  const zh = lang === 'zh';
  const summary = h('p', { class: 'list-summary', role: 'status' }, t(lang, 'shown', { n: shown.length, total }));
  if (shown.length === 0) {
    el.replaceChildren(summary, h('p', { class: 'empty' }, t(lang, 'noMatch')));
    return;
  }
  const rows = shown.slice(0, MAX_ROWS);
  const list = h('ul', { class: 'project-list', role: 'listbox', tabindex: 0, 'aria-label': t(lang, 'listLabel') });
  let active = Math.max(0, rows.findIndex((p) => p.id === selectedId));
  const items = rows.map((p, i) => {
    const th = themeInfo(p.theme);
    const st = statusInfo(p.status);
    const name = zh ? p.name : p.name_en;
    const li = h('li', {
      id: `row-${p.id}`, role: 'option', class: 'project-row', 'data-id': p.id, 'aria-selected': p.id === selectedId ? 'true' : 'false',
      'aria-label': `${name}，${zh ? th.zh : th.en}，${zh ? st.zh : st.en}`,
      onClick: () => {
        active = i;
        h_.onChoose(p.id);
      },
      onMouseenter: () => h_.onHover(p.id),
      onMouseleave: () => h_.onHover(null),
    },
      h('span', { class: `dot dot-${p.kind}${st.notStarted ? ' dot-hollow' : ''}`, style: `--c:${rgbCss(th.color)}`, 'aria-hidden': 'true' }),
      h('span', { class: 'row-name' }, name),
      h('span', { class: 'row-status' }, zh ? st.zh : st.en),
    );
    return li;
  });
  list.append(...items);
  const setActive = (i: number) => {
    active = Math.max(0, Math.min(items.length - 1, i));
    items.forEach((li, j) => li.classList.toggle('active', j === active));
    list.setAttribute('aria-activedescendant', items[active].id);
    items[active].scrollIntoView({ block: 'nearest' });
  };
  list.addEventListener('keydown', (e) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => setActive(active + 1),
      ArrowUp: () => setActive(active - 1),
      Home: () => setActive(0),
      End: () => setActive(items.length - 1),
      Enter: () => h_.onChoose(rows[active].id),
      ' ': () => h_.onChoose(rows[active].id),
      Escape: () => h_.onEscape(),
    };
    const fn = keys[e.key];
    if (!fn) return;
    e.preventDefault();
    fn();
  });
  list.addEventListener('focus', () => setActive(active));
  const more = shown.length > rows.length ? h('p', { class: 'list-more' }, t(lang, 'moreRows', { n: shown.length - rows.length })) : null;
  const hadFocus = document.activeElement?.classList.contains('project-list');
  el.replaceChildren(summary, list, more ?? '');
  if (hadFocus) list.focus({ preventScroll: true });
  const sel = selectedId ? items.find((li) => li.dataset.id === selectedId) : undefined;
  sel?.scrollIntoView({ block: 'nearest' });
}
