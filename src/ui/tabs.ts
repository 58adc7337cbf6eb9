import { t, type Lang } from '../i18n';
import type { AppState } from '../state/app-state';
import { h } from './dom';

const NAMES = { projects: 'tabProjects', near: 'tabNear', citywide: 'tabCitywide', stats: 'tabStats', layers: 'tabLayers' } as const;

/** The sidebar's tabs (项目, 附近, 全市事项, 统计, 图层); `choose` hears the one pressed. */
export function renderTabs(el: HTMLElement, lang: Lang, current: AppState['tab'], choose: (tab: AppState['tab']) => void): void {
  el.replaceChildren(...(Object.keys(NAMES) as AppState['tab'][]).map((tab) =>
    h('button', {
      type: 'button', role: 'tab', 'aria-selected': current === tab ? 'true' : 'false', id: `tab-${tab}`,
      onClick: () => choose(tab),
    }, t(lang, NAMES[tab]))));
}
