import { t, type Lang } from '../i18n';
import { h, rgbCss } from './dom';

/** One row of the list, built only when it scrolls into view. */
export interface ListRow {
  id: string;
  name: string;
  /** Right-hand note: a status, or the layer an imported row belongs to. */
  note: string;
  /** Accessible name: begins with `name` and `note`, as shown, then what only colour or shape shows. */
  label: string;
  colour: readonly [number, number, number];
  /** Symbol classes: `dot-point`, `dot-line`, `dot-area`, plus `dot-hollow`. */
  dot: string;
}

/** The rows to list, in order, without building them: a million rows stay a few typed arrays. */
export interface ListSource {
  length: number;
  row(i: number): ListRow;
  /** Position of a row id, or -1 (only needs to know the rows it could hold). */
  indexOf(id: string): number;
}

export interface ListHandlers {
  onChoose(id: string): void;
  onHover(id: string | null): void;
  onEscape(): void;
}

/** Up to this many rows are all in the page; beyond, only those in view (plus a margin) are. */
const ALL_ROWS_UP_TO = 400;
const ROW_PX = 32;
const MARGIN_ROWS = 10;

/**
 * The filtered features as a listbox: ↑/↓/Home/End/PageUp/PageDown move, Enter chooses (the map
 * flies there and the details open), Esc closes the details. A long list is virtual: the page holds
 * only the rows in view, so a million rows cost no more DOM than fifty.
 */
export function renderFeatureList(el: HTMLElement, src: ListSource, summaryText: string, selectedId: string | null, lang: Lang, on: ListHandlers): void {
  // The rows are rebuilt on each change (a click selects, and re-renders): a row removed under the
  // pointer never hears it leave, so the hover would stick. The box itself stays and hears it.
  el.onmouseleave = () => on.onHover(null);
  const summary = h('p', { class: 'list-summary', role: 'status' }, summaryText);
  if (src.length === 0) {
    el.replaceChildren(summary, h('p', { class: 'empty' }, t(lang, 'noMatch')));
    return;
  }
  const virtual = src.length > ALL_ROWS_UP_TO;
  const list = h('ul', { class: `project-list${virtual ? ' virtual' : ''}`, role: 'listbox', tabindex: 0, 'aria-label': t(lang, 'listLabel') });
  const spacer = virtual ? h('li', { class: 'list-spacer', role: 'presentation', style: `height:${src.length * ROW_PX}px` }) : null;
  let active = Math.max(0, selectedId ? src.indexOf(selectedId) : 0);
  const drawn = new Map<number, HTMLElement>();

  const rowEl = (i: number): HTMLElement => {
    const r = src.row(i);
    return h('li', {
      id: `row-${r.id.replace(/[^A-Za-z0-9_-]/g, '-')}`, role: 'option', class: `project-row${i === active ? ' active' : ''}`, 'data-id': r.id, 'data-i': i,
      'aria-selected': r.id === selectedId ? 'true' : 'false', 'aria-label': r.label, 'aria-setsize': src.length, 'aria-posinset': i + 1,
      style: virtual ? `top:${i * ROW_PX}px` : null,
      // Before the list takes focus (which scrolls to the active row), so the row under the pointer stays put.
      onMousedown: () => {
        active = i;
      },
      onClick: () => {
        active = i;
        on.onChoose(r.id);
      },
      onMouseenter: () => on.onHover(r.id),
      onMouseleave: () => on.onHover(null),
    },
      h('span', { class: `dot ${r.dot}`, style: `--c:${rgbCss(r.colour)}`, 'aria-hidden': 'true' }),
      h('span', { class: 'row-name' }, r.name),
      h('span', { class: 'row-status' }, r.note),
    );
  };

  /** Draws the rows in view (virtual), or all of them. */
  const draw = () => {
    if (!virtual) {
      if (drawn.size === 0) for (let i = 0; i < src.length; i++) drawn.set(i, list.appendChild(rowEl(i)));
      return;
    }
    const first = Math.max(0, Math.floor(list.scrollTop / ROW_PX) - MARGIN_ROWS);
    const last = Math.min(src.length - 1, Math.ceil((list.scrollTop + (list.clientHeight || 480)) / ROW_PX) + MARGIN_ROWS);
    for (const [i, li] of drawn) if (i < first || i > last) {
      li.remove();
      drawn.delete(i);
    }
    for (let i = first; i <= last; i++) if (!drawn.has(i)) drawn.set(i, list.appendChild(rowEl(i)));
  };

  const setActive = (i: number) => {
    active = Math.max(0, Math.min(src.length - 1, i));
    if (virtual) {
      const top = active * ROW_PX;
      if (top < list.scrollTop) list.scrollTop = top;
      else if (top + ROW_PX > list.scrollTop + list.clientHeight) list.scrollTop = top + ROW_PX - list.clientHeight;
      draw();
    }
    for (const [j, li] of drawn) li.classList.toggle('active', j === active);
    const li = drawn.get(active);
    if (li) {
      list.setAttribute('aria-activedescendant', li.id);
      if (!virtual) li.scrollIntoView({ block: 'nearest' });
    }
  };
  const page = () => Math.max(1, Math.floor((list.clientHeight || 320) / ROW_PX) - 1);
  list.addEventListener('keydown', (e) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => setActive(active + 1),
      ArrowUp: () => setActive(active - 1),
      PageDown: () => setActive(active + page()),
      PageUp: () => setActive(active - page()),
      Home: () => setActive(0),
      End: () => setActive(src.length - 1),
      Enter: () => on.onChoose(src.row(active).id),
      ' ': () => on.onChoose(src.row(active).id),
      Escape: () => on.onEscape(),
    };
    const fn = keys[e.key];
    if (!fn) return;
    e.preventDefault();
    fn();
  });
  list.addEventListener('focus', () => setActive(active));
  if (virtual) list.addEventListener('scroll', draw, { passive: true });

  const hadFocus = document.activeElement?.classList.contains('project-list');
  if (spacer) list.append(spacer);
  el.replaceChildren(summary, list);
  if (virtual && selectedId && src.indexOf(selectedId) >= 0) list.scrollTop = Math.max(0, src.indexOf(selectedId) * ROW_PX - ROW_PX * 3);
  draw();
  if (hadFocus) list.focus({ preventScroll: true });
  if (!virtual && selectedId) [...drawn.values()].find((li) => li.dataset.id === selectedId)?.scrollIntoView({ block: 'nearest' });
}
