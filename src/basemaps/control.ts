import type { IControl } from 'maplibre-gl';
import { t, type Lang } from '../i18n';
import { h, svg } from '../ui/dom';
import { CUSTOM_ID, EMBEDDED_ID, type BasemapSource, type CustomInput } from './config';
import { CRS_KEYS, crsShifts, type Crs } from './display-crs';

/** How each coordinate system is written for people. */
export const CRS_NAMES: Record<Crs, string> = { wgs84: 'WGS-84', cgcs2000: 'CGCS2000', gcj02: 'GCJ-02', bd09: 'BD-09' };

/** What the 底图 panel shows. */
export interface PanelModel {
  lang: Lang;
  sources: BasemapSource[];
  /** Ids of the sources that need a key and have none yet. */
  missingKey: Set<string>;
  /** The base map shown now. */
  current: string;
  /** A source waiting for its key (the user chose it and it has none). */
  askKeyFor: BasemapSource | null;
  keyError: boolean;
  allowCustom: boolean;
  custom: CustomInput | null;
  customError: string | null;
}

export interface PanelActions {
  choose(id: string): void;
  setKey(id: string, key: string): void;
  confirmCustom(input: CustomInput): void;
}

/**
 * The 底图 / Base map button on the map (top right, under the zoom buttons) and its panel: a list
 * of radio buttons, a key field for a base map that needs one, and a form for a custom URL that is
 * used only after the user confirms it.
 */
export class BasemapControl implements IControl {
  private container = h('div', { class: 'maplibregl-ctrl maplibregl-ctrl-group basemap-ctrl' });
  private button = h('button', { type: 'button', class: 'basemap-button', 'aria-expanded': 'false', 'aria-controls': 'basemap-panel' });
  private panel = h('div', { id: 'basemap-panel', class: 'basemap-panel', role: 'dialog', hidden: true });

  constructor(private actions: PanelActions) {
    this.button.addEventListener('click', () => this.toggle());
    this.panel.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        this.toggle(false);
        this.button.focus();
      }
    });
    this.container.append(this.button, this.panel);
  }

  onAdd(): HTMLElement {
    return this.container;
  }

  onRemove(): void {
    this.container.remove();
  }

  /** Opens or closes the panel. */
  toggle(open = this.panel.hidden): void {
    this.panel.hidden = !open;
    this.button.setAttribute('aria-expanded', String(open));
    if (open) this.panel.querySelector<HTMLElement>('input:checked, input, button')?.focus();
  }

  render(m: PanelModel): void {
    const { lang } = m;
    this.button.replaceChildren(layersIcon(), h('span', {}, t(lang, 'basemap')));
    this.button.setAttribute('aria-label', t(lang, 'basemapLabel'));
    this.button.title = t(lang, 'basemapLabel');
    this.panel.setAttribute('aria-label', t(lang, 'basemapLabel'));

    const option = (id: string, name: string, note: string) =>
      h('label', { class: 'basemap-option' },
        // A base map waiting for its key stays ticked while the key is asked for.
        h('input', { type: 'radio', name: 'basemap', value: id, checked: (m.askKeyFor?.id ?? m.current) === id, onChange: () => this.actions.choose(id) }),
        h('span', { class: 'basemap-name' }, name),
        h('small', {}, note));

    const list = h('fieldset', { class: 'basemap-list' },
      h('legend', {}, t(lang, 'basemap')),
      option(EMBEDDED_ID, t(lang, 'basemapEmbedded'), t(lang, 'basemapEmbeddedNote')),
      ...m.sources.map((s) => option(s.id, s.name[lang], noteFor(lang, s, m.missingKey.has(s.id)))));

    this.panel.replaceChildren(...[list, m.askKeyFor ? this.keyForm(m.askKeyFor, lang, m.keyError) : null, this.customForm(m)].filter((x): x is HTMLElement => x !== null));
  }

  private keyForm(src: BasemapSource, lang: Lang, bad: boolean): HTMLElement {
    const label = t(lang, 'basemapKey', { label: src.keyLabel ?? 'key' });
    const input = h('input', { type: 'password', autocomplete: 'off', spellcheck: 'false', 'aria-label': label, id: 'basemap-key', maxlength: 128 });
    return h('form', {
      class: 'basemap-key',
      onSubmit: (e: Event) => {
        e.preventDefault();
        this.actions.setKey(src.id, input.value.trim());
      },
    },
    h('label', { for: 'basemap-key' }, `${src.name[lang]} · ${label}`),
    input,
    h('button', { type: 'submit' }, t(lang, 'basemapKeyUse')),
    h('p', { class: bad ? 'basemap-error' : 'basemap-hint', role: bad ? 'alert' : null }, t(lang, bad ? 'basemapKeyBad' : 'basemapKeyNote')));
  }

  private customForm(m: PanelModel): HTMLElement {
    const { lang } = m;
    if (!m.allowCustom) return h('p', { class: 'basemap-hint' }, t(lang, 'basemapCustomOff'));
    const kind = h('select', { id: 'basemap-custom-kind', 'aria-label': t(lang, 'basemapCustomKind') },
      h('option', { value: 'xyz', selected: m.custom?.kind !== 'style' }, t(lang, 'basemapCustomXyz')),
      h('option', { value: 'style', selected: m.custom?.kind === 'style' }, t(lang, 'basemapCustomStyle')));
    const url = h('input', { type: 'url', id: 'basemap-custom-url', 'aria-label': t(lang, 'basemapCustomUrl'), placeholder: 'https://…/{z}/{x}/{y}.png', value: m.custom?.url ?? '', maxlength: 2000, spellcheck: 'false' });
    const crs = h('select', { id: 'basemap-custom-crs', 'aria-label': t(lang, 'basemapCustomCrs') },
      ...CRS_KEYS.map((c) => h('option', { value: c, selected: (m.custom?.crs ?? 'wgs84') === c }, CRS_NAMES[c])));
    const open = Boolean(m.customError) || m.current === CUSTOM_ID;
    return h('details', { class: 'basemap-custom', open },
      h('summary', {}, t(lang, 'basemapCustom')),
      h('form', {
        onSubmit: (e: Event) => {
          e.preventDefault();
          this.actions.confirmCustom({ kind: kind.value === 'style' ? 'style' : 'xyz', url: url.value.trim(), crs: crs.value as Crs });
        },
      },
      h('label', {}, t(lang, 'basemapCustomKind'), kind),
      h('label', {}, t(lang, 'basemapCustomUrl'), url),
      h('label', {}, t(lang, 'basemapCustomCrs'), crs),
      h('p', { class: 'basemap-hint' }, t(lang, 'basemapCustomWarn')),
      m.customError ? h('p', { class: 'basemap-error', role: 'alert' }, m.customError) : null,
      h('button', { type: 'submit' }, t(lang, 'basemapCustomConfirm'))));
  }
}

function noteFor(lang: Lang, s: BasemapSource, needsKey: boolean): string {
  const crs = CRS_NAMES[s.crs];
  const parts = [crsShifts(s.crs) ? t(lang, 'basemapShifted', { crs }) : crs];
  if (needsKey) parts.push(t(lang, 'basemapNeedsKey'));
  return parts.join(' · ');
}

function layersIcon(): SVGElement {
  return svg('svg', { viewBox: '0 0 24 24', width: 18, height: 18, 'aria-hidden': 'true', focusable: 'false' },
    svg('path', { d: 'M12 3 2 8l10 5 10-5-10-5Z', fill: 'none', stroke: 'currentColor', 'stroke-width': 1.8, 'stroke-linejoin': 'round' }),
    svg('path', { d: 'm2 13 10 5 10-5M2 17.5l10 5 10-5', fill: 'none', stroke: 'currentColor', 'stroke-width': 1.8, 'stroke-linejoin': 'round', opacity: 0.7 }));
}

/** The 审图号 (map approval number) at the map's lower left, as the rules for online maps ask. */
export class ApprovalControl implements IControl {
  private el = h('div', { class: 'maplibregl-ctrl basemap-approval', hidden: true });

  onAdd(): HTMLElement {
    return this.el;
  }

  onRemove(): void {
    this.el.remove();
  }

  set(text: string | null): void {
    this.el.textContent = text ?? '';
    this.el.hidden = !text;
  }
}
