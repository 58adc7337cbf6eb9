import { type Lang } from '../i18n';
import { h } from '../ui/dom';
import { t } from './strings';

/** Escapes an attribute value for HTML source the user copies (never inserted into this page). */
const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The `<iframe>` code for another page. The sandbox keeps the map's scripts away from the host
 * page; `allow-popups` lets its "open the full app" link open a tab (the map works without it).
 */
export function embedCode(src: string, width: number, height: number, title: string): string {
  return `<iframe src="${attr(src)}" title="${attr(title)}" width="${width}" height="${height}" style="border:0;max-width:100%" loading="lazy" referrerpolicy="no-referrer" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"></iframe>`;
}

const clamp = (n: number, lo: number, hi: number) => (Number.isFinite(n) ? Math.min(hi, Math.max(lo, Math.round(n))) : lo);

/** The 嵌入 / Embed dialog: size, the code for the current view, a copy button. */
export function openEmbedDialog(lang: Lang, embedSrc: string): HTMLDialogElement {
  const width = h('input', { type: 'number', min: 240, max: 3840, step: 10, value: 800, 'aria-label': t(lang, 'embedWidth') });
  const height = h('input', { type: 'number', min: 240, max: 2160, step: 10, value: 560, 'aria-label': t(lang, 'embedHeight') });
  const code = h('textarea', { readonly: true, rows: 8, class: 'embed-code', 'aria-label': t(lang, 'embedCode'), spellcheck: 'false' });
  const status = h('span', { class: 'publish-status', role: 'status', 'aria-live': 'polite' });
  const refresh = () => {
    code.value = embedCode(embedSrc, clamp(Number(width.value), 240, 3840), clamp(Number(height.value), 240, 2160), t(lang, 'title'));
  };
  width.addEventListener('input', refresh);
  height.addEventListener('input', refresh);
  refresh();
  const copy = h('button', { type: 'button', class: 'primary' }, t(lang, 'embedCopy'));
  copy.addEventListener('click', async () => {
    code.select();
    try {
      await navigator.clipboard.writeText(code.value);
    } catch {
      // No clipboard permission (an iframe, plain http): the selected text copies the old way.
      document.execCommand?.('copy');
    }
    status.textContent = t(lang, 'embedCopied');
  });
  const close = h('button', { type: 'button' }, t(lang, 'close'));
  const dialog = h('dialog', { class: 'publish-dialog', 'aria-labelledby': 'embed-dialog-title' },
    h('h2', { id: 'embed-dialog-title' }, t(lang, 'embed')),
    h('p', {}, t(lang, 'embedIntro')),
    h('div', { class: 'embed-size' },
      h('label', {}, t(lang, 'embedWidth'), ' ', width, ' px'),
      h('label', {}, t(lang, 'embedHeight'), ' ', height, ' px')),
    code,
    h('div', { class: 'publish-buttons' }, status, close, copy));
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  code.focus();
  code.select();
  return dialog;
}
