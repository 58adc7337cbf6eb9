import type { Project } from '../data/projects';
import { statusInfo, themeInfo } from '../data/themes';
import { formatKm } from '../geo/measure';
import { t, type Lang, type StringKey } from '../i18n';
import { searchPlaces, type Place } from '../near/gazetteer';
import { nextRadius, RADII_KM, type NearbyProject } from '../near/near';
import type { AppState } from '../state/app-state';
import { h, rgbCss } from './dom';
import type { NearImported } from '../near/near-imported';
import { importedFeatureId } from '../datasets/types';
import { importedName } from './list-source';

export interface NearHandlers {
  onLocate(): void;
  onPick(): void;
  onPlace(p: Place): void;
  onRadius(r: number): void;
  onClear(): void;
  onChoose(id: string): void;
}

export interface NearView {
  /** Projects within the radius (already measured), or null when no place is chosen. */
  nearby: NearbyProject[] | null;
  /** Imported features within the radius: the nearest few and how many in all. */
  imported: { nearest: NearImported[]; total: number } | null;
  /** km outside Jingzhou, 0 inside. */
  outsideKm: number;
  picking: boolean;
}

const ERROR_KEY: Record<NonNullable<AppState['nearError']>, StringKey> = {
  denied: 'nearDenied', unavailable: 'nearUnavailable', timeout: 'nearTimeout', unsupported: 'nearUnsupported',
};

/** The resident's panel: choose a place, a radius, and read the projects around it, nearest first. */
export function renderNearPanel(el: HTMLElement, s: AppState, v: NearView, gazetteer: Place[], lang: Lang, on: NearHandlers): void {
  const zh = lang === 'zh';
  const results = h('ul', { class: 'place-results', role: 'listbox', 'aria-label': t(lang, 'placeSearch') });
  const noPlace = h('p', { class: 'near-msg', hidden: true }, t(lang, 'noPlace'));
  const input = h('input', {
    type: 'search', class: 'search place-search', placeholder: t(lang, 'placeSearch'), 'aria-label': t(lang, 'placeSearch'), maxlength: 40,
    onInput: () => {
      const found = searchPlaces(input.value, gazetteer);
      noPlace.hidden = !input.value.trim() || found.length > 0;
      results.replaceChildren(...found.map((p) => h('li', { role: 'option' },
        h('button', { type: 'button', class: 'place', onClick: () => on.onPlace(p) }, zh ? p.name : p.name_en || p.name, h('small', {}, zh ? p.name_en : p.name)))));
    },
    onKeydown: (e: Event) => {
      if ((e as KeyboardEvent).key !== 'Enter') return;
      const first = searchPlaces(input.value, gazetteer)[0];
      if (first) on.onPlace(first);
      else noPlace.hidden = false;
    },
  });
  const radios = h('div', { class: 'radius', role: 'radiogroup', 'aria-label': t(lang, 'radius') },
    h('span', { class: 'radius-label' }, t(lang, 'radius')),
    ...RADII_KM.map((r) => h('button', {
      type: 'button', role: 'radio', 'aria-checked': (s.near?.radiusKm ?? 5) === r ? 'true' : 'false', 'data-radius': r,
      onClick: () => on.onRadius(r),
    }, `${r} km`)));

  // Alerts go first, where a phone's half-open sheet shows them; results follow the controls.
  const alerts: HTMLElement[] = [];
  const msgs: HTMLElement[] = [];
  if (s.nearError) alerts.push(h('p', { class: 'near-msg near-error', role: 'alert' }, t(lang, ERROR_KEY[s.nearError])));
  if (v.picking) msgs.push(h('p', { class: 'near-msg', role: 'status' }, t(lang, 'pickHint')));
  let list: HTMLElement | null = null;
  if (s.near && v.nearby) {
    const r = s.near.radiusKm;
    if (v.outsideKm > 0) alerts.push(h('p', { class: 'near-msg near-error', role: 'alert' }, t(lang, 'nearOutside', { d: formatKm(v.outsideKm) })));
    if (v.nearby.length === 0) {
      const nr = nextRadius(r);
      msgs.push(h('p', { class: 'near-msg', role: 'status' }, t(lang, 'nearNone', { r }),
        nr ? h('button', { type: 'button', class: 'link next-radius', onClick: () => on.onRadius(nr) }, t(lang, 'nearTryNext', { r: nr })) : ''));
    } else {
      msgs.push(h('p', { class: 'near-msg', role: 'status' }, t(lang, 'nearWithin', { r, n: v.nearby.length })));
      list = h('ol', { class: 'near-list', 'aria-label': t(lang, 'nearWithin', { r, n: v.nearby.length }) }, ...v.nearby.map(({ project: p, km }) => nearRow(p, km, lang, on)));
    }
  }
  el.replaceChildren(
    ...alerts,
    h('p', { class: 'near-intro' }, t(lang, 'nearIntro')),
    h('div', { class: 'near-actions' },
      h('button', { type: 'button', class: 'primary', id: 'locate-me', onClick: on.onLocate }, t(lang, 'locateMe')),
      h('button', { type: 'button', id: 'pick-on-map', 'aria-pressed': v.picking ? 'true' : 'false', onClick: on.onPick }, t(lang, 'pickOnMap')),
      s.near ? h('button', { type: 'button', id: 'clear-near', onClick: on.onClear }, t(lang, 'clearNear')) : null),
    input, results, noPlace, radios, ...msgs, list ?? '',
    v.imported && v.imported.total > 0 ? importedNear(v.imported, s.near?.radiusKm ?? 0, lang, on) : '',
  );
}

function nearRow(p: Project, km: number, lang: Lang, on: NearHandlers): HTMLElement {
  const zh = lang === 'zh';
  const th = themeInfo(p.theme);
  const st = statusInfo(p.status);
  return h('li', { class: 'near-row', 'data-id': p.id },
    h('button', { type: 'button', class: 'near-choose', onClick: () => on.onChoose(p.id) },
      h('span', { class: `dot dot-${p.kind}${st.notStarted ? ' dot-hollow' : ''}`, style: `--c:${rgbCss(th.color)}`, 'aria-hidden': 'true' }),
      h('span', { class: 'row-name' }, zh ? p.name : p.name_en),
      h('span', { class: 'near-km', 'data-km': km.toFixed(3) }, km === 0 ? t(lang, 'nearInside') : formatKm(km))));
}

/** Imported features near the place, after the report's projects. */
function importedNear(found: { nearest: NearImported[]; total: number }, r: number, lang: Lang, on: NearHandlers): HTMLElement {
  const title = t(lang, 'nearImported', { r, n: found.total });
  return h('section', { class: 'near-imported' },
    h('p', { class: 'near-msg' }, title),
    h('ol', { class: 'near-list', 'aria-label': title }, ...found.nearest.map(({ dataset, index, km }) => {
      const id = importedFeatureId(dataset.id, index);
      const approx = dataset.data.approx[index] === 1;
      return h('li', { class: 'near-row', 'data-id': id },
        h('button', { type: 'button', class: 'near-choose', onClick: () => on.onChoose(id) },
          h('span', { class: `dot dot-point${approx ? ' dot-hollow' : ''}`, style: `--c:${rgbCss(dataset.colour)}`, 'aria-hidden': 'true' }),
          h('span', { class: 'row-name' }, importedName(dataset, index, lang)),
          h('span', { class: 'near-km', 'data-km': km.toFixed(3) }, formatKm(km))));
    })));
}
