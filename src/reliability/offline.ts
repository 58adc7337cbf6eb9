/// <reference types="vite-plugin-pwa/vanillajs" />
import { registerSW } from 'virtual:pwa-register';
import { t, type Lang } from '../i18n';
import { h } from '../ui/dom';

/**
 * Registers the service worker that keeps the app and its data for offline revisits
 * (src/reliability/pwa-config.ts). When a new version has been downloaded it waits, and a notice
 * says so: it loads on the next visit, or now with the button. `body[data-offline]` = ready once
 * everything is cached, `body[data-update]` = ready when a new version waits.
 */
export function registerOffline(lang: () => Lang): void {
  if (!('serviceWorker' in navigator)) return;
  const update = registerSW({
    immediate: true,
    onOfflineReady() {
      document.body.dataset.offline = 'ready';
    },
    onNeedRefresh() {
      document.body.dataset.update = 'ready';
      showUpdateNotice(lang(), () => void update(true));
    },
    onRegisterError(err) {
      // Offline use is a bonus: the app works without it, so this is said in the console only.
      console.warn('service worker not registered', err);
    },
  });
}

function showUpdateNotice(lang: Lang, updateNow: () => void): void {
  document.querySelector('.update-notice')?.remove();
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  const box = h('div', { class: 'update-notice', role: 'status' },
    h('span', {}, `${t(lang, 'updateReady')} · ${t(other, 'updateReady')}`),
    h('button', { type: 'button', onClick: updateNow }, t(lang, 'updateNow')),
    h('button', { type: 'button', class: 'close', 'aria-label': t(lang, 'close'), onClick: () => box.remove() }, '×'));
  document.body.append(box);
}
