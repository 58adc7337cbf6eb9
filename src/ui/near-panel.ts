import type { Project } from '../data/projects';
import { statusInfo, themeInfo } from '../data/themes';
import { formatKm } from '../geo/measure';
import { withStrings, type Lang } from '../i18n';
import { searchPlaces, type Place } from '../near/gazetteer';
import { nextRadius, RADII_KM, type NearbyProject } from '../near/near';
import type { AppState } from '../state/app-state';
import { h, rgbCss } from './dom';
import type { NearImported } from '../near/near-imported';
import { importedFeatureId } from '../datasets/types';
import { importedName } from './list-source';

// Words only this part uses: they come with its code, not with the page.
const t = withStrings({
  nearIntro: ['看看身边在建什么：定位、在地图上点选，或输入地名。', 'What is being built near you? Locate yourself, tap the map, or type a place.'],
  locateMe: ['定位我的位置', 'Use my location'],
  pickOnMap: ['在地图上点选', 'Tap the map'],
  pickHint: ['请点击地图上的一个位置。', 'Tap a place on the map.'],
  placeSearch: ['输入地名，如 沙市、郝穴', 'Type a place, e.g. Shashi'],
  radius: ['半径', 'Radius'],
  nearWithin: ['{r} 公里内有 {n} 个项目', '{n} projects within {r} km'],
  nearNone: ['{r} 公里内没有项目。', 'No project within {r} km.'],
  nearTryNext: ['扩大到 {r} 公里', 'Widen to {r} km'],
  nearOutside: ['该位置在荆州市以外，距市界约 {d}。请搜索地名或在地图上点选荆州市内的位置。', 'This place is outside Jingzhou, about {d} from its boundary. Search a place or tap the map inside Jingzhou.'],
  nearDenied: ['无法获取位置：定位权限被拒绝。可在浏览器设置中允许定位，或搜索地名、在地图上点选。', 'Location permission was denied. Allow it in the browser settings, or search a place or tap the map.'],
  nearUnavailable: ['暂时无法获取位置。请搜索地名或在地图上点选。', 'Your location is not available right now. Search a place or tap the map.'],
  nearTimeout: ['定位超时。请重试，或搜索地名、在地图上点选。', 'Locating timed out. Try again, or search a place or tap the map.'],
  nearUnsupported: ['此浏览器不支持定位。请搜索地名或在地图上点选。', 'This browser cannot locate you. Search a place or tap the map.'],
  nearInside: ['所在范围内', 'you are inside'],
  clearNear: ['清除', 'Clear'],
  noPlace: ['没有找到这个地名。', 'No place of that name.'],
  nearImported: ['导入图层中 {r} 公里内有 {n} 个要素（列出最近的）', '{n} imported features within {r} km (nearest listed)'],
});

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

const ERROR_KEY: Record<NonNullable<AppState['nearError']>, Parameters<typeof t>[1]> = {
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
