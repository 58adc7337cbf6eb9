import { type Lang } from '../i18n';
import { h } from '../ui/dom';
import { saveBlob } from './file-name';
import type { ExportOptions, ExportResult } from './export-image';
import { t } from './strings';

type Run = (opts: ExportOptions) => Promise<ExportResult>;

function radios(name: string, legend: string, options: [string, string][], checked: string): HTMLFieldSetElement {
  return h('fieldset', { class: `publish-choice publish-${name}` },
    h('legend', {}, legend),
    ...options.map(([value, label]) => h('label', {}, h('input', { type: 'radio', name, value, checked: value === checked }), label)));
}

/**
 * The 导出图片 / Export image dialog: title (the app's by default), PNG or PDF, paper and
 * orientation for print at 300 dpi, or a 4K-wide slide. The work happens in `run`; the dialog
 * reports progress, the result and any failure in words, and keeps the choices for next time.
 */
export function openExportDialog(lang: Lang, defaults: ExportOptions, run: Run, onClose: (last: ExportOptions) => void): HTMLDialogElement {
  const title = h('input', { type: 'text', name: 'title', value: defaults.title, maxlength: 120, 'aria-label': t(lang, 'exportTitle') });
  const target = radios('target', t(lang, 'exportTarget'), [['print', t(lang, 'exportPrint')], ['slide', t(lang, 'exportSlide')]], defaults.target);
  const format = radios('format', t(lang, 'exportFormat'), [['png', 'PNG'], ['pdf', 'PDF']], defaults.format);
  const paper = radios('paper', t(lang, 'exportPaper'), [['a4', 'A4'], ['a3', 'A3']], defaults.paper);
  const orientation = radios('orientation', t(lang, 'exportOrientation'), [['landscape', t(lang, 'exportLandscape')], ['portrait', t(lang, 'exportPortrait')]], defaults.orientation);
  const status = h('p', { class: 'publish-status', role: 'status', 'aria-live': 'polite' });
  const go = h('button', { type: 'submit', class: 'primary' }, t(lang, 'exportGo'));
  const cancel = h('button', { type: 'button', value: 'cancel' }, t(lang, 'exportCancel'));
  const form = h('form', { method: 'dialog' },
    h('h2', { id: 'export-dialog-title' }, t(lang, 'exportImage')),
    h('label', { class: 'publish-field' }, t(lang, 'exportTitle'), title),
    target, format, paper, orientation, status,
    h('div', { class: 'publish-buttons' }, cancel, go));
  const dialog = h('dialog', { class: 'publish-dialog', 'aria-labelledby': 'export-dialog-title' }, form);
  const value = (name: string) => (form.querySelector(`input[name=${name}]:checked`) as HTMLInputElement).value;
  const read = (): ExportOptions => ({
    title: title.value, format: value('format') as ExportOptions['format'], target: value('target') as ExportOptions['target'],
    paper: value('paper') as ExportOptions['paper'], orientation: value('orientation') as ExportOptions['orientation'],
  });
  // The slide has one size: paper and orientation do not apply to it.
  const syncTarget = () => {
    const slide = value('target') === 'slide';
    for (const fs of [paper, orientation]) fs.disabled = slide;
  };
  target.addEventListener('change', syncTarget);
  syncTarget();
  cancel.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    onClose(read());
    dialog.remove();
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    go.disabled = true;
    status.className = 'publish-status';
    status.textContent = t(lang, 'exportWorking');
    document.body.dataset.exporting = 'true';
    try {
      const r = await run(read());
      saveBlob(r.name, r.blob);
      status.textContent = [t(lang, 'exportDone', { file: r.name, w: r.width, h: r.height }), r.cappedNote].filter(Boolean).join(' ');
    } catch (err) {
      status.className = 'publish-status publish-error';
      status.textContent = t(lang, 'exportFailed', { why: String((err as Error)?.message ?? err) });
    } finally {
      go.disabled = false;
      delete document.body.dataset.exporting;
    }
  });
  document.body.append(dialog);
  dialog.showModal();
  title.focus();
  title.select();
  return dialog;
}
