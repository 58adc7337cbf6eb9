import type { StorageProblem } from '../datasets/actions';
import { t, type Lang } from '../i18n';
import { showNotice } from '../ui/status-banner';

/** Says on the page, as an alert, why an imported layer could not be stored or restored. */
export function storageNotice(el: HTMLElement, lang: () => Lang): StorageProblem {
  return (reason, name) => {
    const l = lang();
    const text = reason === 'quota' ? t(l, 'storageQuota', { name }) : reason === 'unavailable' ? t(l, 'storageUnavailable', { name })
      : name ? t(l, 'storageSkipped', { names: name }) : t(l, 'storageLoadFailed');
    showNotice(el, text, t(l, 'close'));
    el.setAttribute('role', 'alert');
  };
}
