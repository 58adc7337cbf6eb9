import { t, type Lang } from '../i18n';
import { h } from '../ui/dom';

/** `?embed=1`: the map for another site's page, with a compact legend and no side panel. */
export function isEmbed(search: string): boolean {
  return new URLSearchParams(search).get('embed') === '1';
}

/** The app's address for `query` (written by url-state), with or without embed mode. */
export function appUrl(base: string, query: string, embed: boolean): string {
  const u = new URL(base);
  u.search = query;
  u.searchParams.delete('embed');
  if (embed) u.searchParams.set('embed', '1');
  u.hash = '';
  return u.toString();
}

/**
 * Embed mode: marks the page (CSS hides the panels and controls it does not need) and adds the
 * link to the full app, kept pointing at the current view by `update`.
 */
export function startEmbedMode(mapContainer: HTMLElement, legend: HTMLElement): { update(lang: Lang, fullUrl: string): void } {
  document.body.classList.add('embed');
  // A small frame starts with the legend folded, so the map stays visible.
  if (window.innerWidth < 560 || window.innerHeight < 420) legend.removeAttribute('open');
  const link = h('a', { class: 'open-full', target: '_blank', rel: 'noopener' });
  mapContainer.append(link);
  return {
    update(lang, fullUrl) {
      link.href = fullUrl;
      link.textContent = `${t(lang, 'title')} · ${t(lang, 'embedOpenFull')} ↗`;
      link.setAttribute('aria-label', `${t(lang, 'embedOpenFull')}（${t(lang, 'title')}）`);
    },
  };
}
