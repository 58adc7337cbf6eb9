import { t, type Lang } from '../i18n';
import { h } from '../ui/dom';

/**
 * Reports unhandled errors and promise rejections on the page, in words (role=alert), not only
 * in the console. One box, newest message first, at most a few lines; the person can close it.
 * Returns a function that stops listening.
 */
export function installErrorReporter(host: HTMLElement, lang: () => Lang): () => void {
  const box = h('div', { class: 'error-report', role: 'alert', hidden: true });
  host.append(box);
  const seen: string[] = [];

  const report = (what: unknown) => {
    const msg = describe(what);
    // A render loop can throw the same error every frame: say it once.
    if (seen.includes(msg)) return;
    seen.unshift(msg);
    seen.length = Math.min(seen.length, 3);
    const l = lang();
    box.replaceChildren(
      h('strong', {}, `${t(l, 'pageError')} · ${t(l === 'zh' ? 'en' : 'zh', 'pageError')}`),
      ...seen.map((m) => h('p', { class: 'error-report-detail' }, m)),
      h('p', {}, t(l, 'pageErrorHint')),
      h('button', { type: 'button', class: 'close', 'aria-label': t(l, 'close'), onClick: () => {
        box.hidden = true;
        seen.length = 0;
      } }, '×'),
    );
    box.hidden = false;
    document.body.dataset.pageErrors = String(Number(document.body.dataset.pageErrors ?? 0) + 1);
  };
  const onError = (e: ErrorEvent) => report(e.error ?? e.message);
  const onRejection = (e: PromiseRejectionEvent) => report(e.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return () => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  };
}

function describe(what: unknown): string {
  if (what instanceof Error) return what.message || what.name;
  if (typeof what === 'string') return what;
  try {
    return JSON.stringify(what) ?? String(what);
  } catch {
    return String(what);
  }
}
