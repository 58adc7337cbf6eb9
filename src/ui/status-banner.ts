import { DataFileError } from '../data/errors';

/**
 * The one place the page tells a person that something went wrong with its own data: which file,
 * what happened, what to do. Always text nodes, never HTML.
 */
export function showFatal(el: HTMLElement, title: string, err: unknown): void {
  el.replaceChildren();
  el.className = 'status status-error';
  el.setAttribute('role', 'alert');
  const h = document.createElement('strong');
  h.textContent = title;
  const what = document.createElement('p');
  const hint = document.createElement('p');
  if (err instanceof DataFileError) {
    what.textContent = `${err.file} — ${err.reason}`;
    hint.textContent = err.hint;
  } else {
    what.textContent = String((err as Error)?.message ?? err);
    hint.textContent = '请刷新页面；如仍失败，请报告此问题。 Reload the page; if it still fails, please report it.';
  }
  el.append(h, what, hint);
}

export function showStatus(el: HTMLElement, text: string): void {
  el.className = 'status';
  el.textContent = text;
  el.hidden = text === '';
}

/** A non-blocking notice at the foot of the page (e.g. data records that were rejected), with a close button. */
export function showNotice(el: HTMLElement, text: string, closeLabel: string): void {
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.textContent = '×';
  close.setAttribute('aria-label', closeLabel);
  close.addEventListener('click', () => (el.hidden = true));
  const p = document.createElement('p');
  p.textContent = text;
  el.replaceChildren(p, close);
  el.className = 'status status-note';
  el.setAttribute('role', 'status');
  el.hidden = false;
}
