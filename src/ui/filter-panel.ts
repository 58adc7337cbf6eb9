import { COUNTIES, COUNTY_EN, GEOM_KINDS, STATUSES, THEMES } from '../data/themes';
import { t, type Lang } from '../i18n';
import { DEFAULT_FILTERS, isDefault, type Facet, type Filters, type Summary } from '../state/filters';
import { h, rgbCss } from './dom';

interface Option {
  key: string;
  label: string;
  swatch?: [number, number, number];
}

function options(facet: Facet, lang: Lang): Option[] {
  const zh = lang === 'zh';
  switch (facet) {
    case 'themes':
      return THEMES.map((th) => ({ key: th.key, label: zh ? th.zh : th.en, swatch: th.color }));
    case 'statuses':
      return STATUSES.map((s) => ({ key: s.key, label: zh ? s.zh : s.en }));
    case 'counties':
      return COUNTIES.map((c) => ({ key: c, label: zh ? c : COUNTY_EN[c] }));
    case 'kinds':
      return GEOM_KINDS.map((k) => ({ key: k, label: t(lang, `kind_${k}`) }));
  }
}

const TITLE = { themes: 'filterTheme', statuses: 'filterStatus', counties: 'filterCounty', kinds: 'filterKind' } as const;

/**
 * Facet checkboxes with counts that follow the other filters, a search box and one reset button.
 * Groups whose values match nothing are shown greyed with 0, never hidden, so a person sees why.
 */
export function renderFilterPanel(
  el: HTMLElement,
  counts: Summary['counts'],
  filters: Filters,
  lang: Lang,
  onChange: (f: Filters) => void,
): void {
  const search = h('input', {
    type: 'search', class: 'search', value: filters.q, placeholder: t(lang, 'search'), 'aria-label': t(lang, 'search'), maxlength: 80,
    onInput: (e: Event) => onChange({ ...filters, q: (e.target as HTMLInputElement).value }),
  });
  const groups = (['themes', 'statuses', 'counties', 'kinds'] as const).map((facet) => {
    const selected = filters[facet] as string[];
    const boxes = options(facet, lang).map((o) => {
      const n = counts[facet].get(o.key) ?? 0;
      const id = `f-${facet}-${o.key}`;
      return h('label', { class: `facet${n === 0 ? ' facet-empty' : ''}`, for: id },
        h('input', {
          type: 'checkbox', id, checked: selected.includes(o.key), 'data-facet': facet, 'data-key': o.key,
          onChange: (e: Event) => {
            const on = (e.target as HTMLInputElement).checked;
            const next = on ? [...selected, o.key] : selected.filter((k) => k !== o.key);
            onChange({ ...filters, [facet]: next });
          },
        }),
        o.swatch ? h('span', { class: 'swatch', style: `background:${rgbCss(o.swatch)}`, 'aria-hidden': 'true' }) : null,
        h('span', { class: 'facet-label' }, o.label),
        h('span', { class: 'count', 'data-count': n }, String(n)),
      );
    });
    return h('fieldset', { class: `facet-group facet-${facet}` }, h('legend', {}, t(lang, TITLE[facet])), ...boxes);
  });
  const reset = h('button', {
    type: 'button', class: 'reset', disabled: isDefault(filters), onClick: () => onChange(DEFAULT_FILTERS),
  }, t(lang, 'reset'));
  const hadFocus = document.activeElement?.classList.contains('search') && el.contains(document.activeElement);
  el.replaceChildren(search, ...groups, reset);
  if (hadFocus) {
    search.focus();
    search.setSelectionRange(search.value.length, search.value.length);
  }
}
