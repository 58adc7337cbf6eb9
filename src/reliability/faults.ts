import { t, type Lang } from '../i18n';
import { h } from '../ui/dom';

/**
 * Fault injection for tests only: `window.__jzmapFaults = ['stats']` (set by a test's init
 * script before the app starts) makes that panel's render throw. Nothing in the app sets it.
 */
function injectedFault(name: string): void {
  const faults = (globalThis as { __jzmapFaults?: unknown }).__jzmapFaults;
  if (Array.isArray(faults) && faults.includes(name)) throw new Error(`injected fault in panel "${name}" (test hook __jzmapFaults)`);
}

/** Listeners told of every fault caught in a panel (the page-level reporter counts them). */
const listeners = new Set<(name: string, err: unknown) => void>();
export function onPanelFault(fn: (name: string, err: unknown) => void): void {
  listeners.add(fn);
}

/**
 * Runs one panel's render. If it throws, the panel shows what failed in words (role=alert) and
 * the error stays inside it: the map and the other panels keep rendering. Returns whether it ran.
 */
export function guardPanel(el: HTMLElement, name: string, lang: Lang, render: () => void): boolean {
  try {
    injectedFault(name);
    render();
    el.removeAttribute('data-failed');
    return true;
  } catch (err) {
    console.error(`[panel ${name}]`, err);
    el.dataset.failed = name;
    el.replaceChildren(
      h('div', { class: 'panel-error', role: 'alert' },
        h('strong', {}, t(lang, 'panelFailed')),
        h('p', { class: 'panel-error-detail' }, String((err as Error)?.message ?? err))),
    );
    for (const fn of listeners) fn(name, err);
    return false;
  }
}

/**
 * {@link guardPanel} for a panel whose code or data is still being fetched: it is busy until
 * `pending` settles, then renders; a failed fetch is shown in the panel like a failed render.
 * Resolves to whether it rendered.
 */
export function guardPanelWhen<T>(el: HTMLElement, name: string, lang: Lang, pending: Promise<T>, render: (value: T) => void): Promise<boolean> {
  el.setAttribute('aria-busy', 'true');
  return pending
    .then((value) => guardPanel(el, name, lang, () => render(value)), (err: unknown) => guardPanel(el, name, lang, () => { throw err; }))
    .finally(() => el.removeAttribute('aria-busy'));
}
