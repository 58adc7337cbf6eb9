import type { ImportDataset } from '../datasets/types';
import { importedFeatureId } from '../datasets/types';
import { formatCount, t, type Lang } from '../i18n';
import { h } from '../ui/dom';

/** Rejected rows listed on the page; the rest are in the download. */
export const REJECTED_SHOWN = 100;
const FLAGS_SHOWN = 50;

export interface ReportHandlers {
  onClose(): void;
  /** Applies the offered fix of these flags (indices into data.flags). */
  onFix(flagIndices: number[]): void;
  onShow(featureId: string): void;
  onDownloadRejected(): void;
}

/**
 * What happened to every row of an import: the counts in a live region (an alert when rows were
 * rejected), the rejected rows with their line and reason, and the rows that look wrong with the
 * fix on offer.
 */
export function renderImportReport(el: HTMLElement, d: ImportDataset | null, lang: Lang, on: ReportHandlers): void {
  if (!d) {
    el.replaceChildren();
    el.hidden = true;
    return;
  }
  const data = d.data;
  const rejected = data.rejected;
  const counts = h('p', { class: 'import-counts' }, t(lang, 'importReport', {
    // Grouped as the layer list beside it shows them (100,000 个要素), not 100000.
    name: d.name, read: formatCount(data.rowsRead, lang), added: formatCount(data.count, lang), approx: formatCount(data.approxCount, lang), rejected: formatCount(rejected.length, lang),
  }));
  const notes = data.notes ?? [];
  const parts: (Node | null)[] = [counts];
  if (notes.length) parts.push(h('ul', { class: 'import-notes' }, ...notes.map((n) => h('li', {}, n))));
  if (rejected.length) {
    parts.push(
      h('h3', {}, t(lang, 'importRejectedTitle')),
      h('ol', { class: 'rejected-rows' }, ...rejected.slice(0, REJECTED_SHOWN).map((r) =>
        h('li', { 'data-line': r.line }, h('span', { class: 'rejected-line' }, t(lang, 'importLine', { n: r.line })), '：', r.reason))),
      rejected.length > REJECTED_SHOWN ? h('p', {}, t(lang, 'importRejectedMore', { n: rejected.length - REJECTED_SHOWN })) : null,
      h('button', { type: 'button', id: 'download-rejected', onClick: on.onDownloadRejected }, t(lang, 'importDownloadRejected')),
    );
  }
  const flags = data.flags;
  if (flags.length) {
    // A fix is offered only where it would move the point (the core may have placed a row swapped already).
    const pos = data.positions;
    const canFix = (f: (typeof flags)[number]) => f.kind === 'swapped' && !!f.fix && (f.fix[0] !== pos[f.index * 2] || f.fix[1] !== pos[f.index * 2 + 1]);
    const swappable = flags.map((f, i) => (canFix(f) ? i : -1)).filter((i) => i >= 0);
    parts.push(
      h('h3', {}, t(lang, 'importFlagsTitle')),
      h('ol', { class: 'flagged-rows' }, ...flags.slice(0, FLAGS_SHOWN).map((f, i) => h('li', { 'data-line': f.line, 'data-kind': f.kind },
        h('span', { class: 'rejected-line' }, t(lang, 'importLine', { n: f.line })), '：', f.message, ' ',
        canFix(f) ? h('button', { type: 'button', class: 'fix', onClick: () => on.onFix([i]) }, t(lang, 'importFixSwap')) : null,
        h('button', { type: 'button', class: 'link', onClick: () => on.onShow(importedFeatureId(d.id, f.index)) }, t(lang, 'importShowRow'))))),
      flags.length > FLAGS_SHOWN ? h('p', {}, t(lang, 'importFlagsMore', { n: flags.length - FLAGS_SHOWN })) : null,
      swappable.length > 1 ? h('button', { type: 'button', class: 'fix-all', onClick: () => on.onFix(swappable) }, t(lang, 'importFixAll', { n: swappable.length })) : null,
    );
  }
  el.hidden = false;
  el.setAttribute('role', rejected.length ? 'alert' : 'status');
  el.replaceChildren(
    h('button', { type: 'button', class: 'close', 'aria-label': t(lang, 'importCloseReport'), onClick: on.onClose }, '×'),
    ...parts.filter((p): p is Node => p !== null),
  );
}
