import type { ColumnMapping, Crs, FieldRole, ImportPreview, TextEncoding } from '../import/types';
import { formatCount, type Lang } from '../i18n';
import { h } from '../ui/dom';
import { t, type PartStringKey } from './strings';

/** The roles offered for a table (CSV, XLSX); a file with its own geometry only maps the attributes. */
const TABLE_ROLES: FieldRole[] = ['lon', 'lat', 'coord', 'wkt', 'name', 'theme', 'status', 'county', 'address'];
const GEOMETRY_ROLES: FieldRole[] = ['name', 'theme', 'status', 'county', 'address'];
const CRSES: Crs[] = ['wgs84', 'gcj02', 'bd09'];
const SAMPLE_SHOWN = 5;
const ACCEPT = '.csv,.tsv,.txt,.xlsx,.geojson,.json,.kml,.gpx,.zip';

export interface DialogHandlers {
  onFile(file: File): void;
  onPaste(text: string): void;
  onEncoding(enc: TextEncoding): void;
  onAdd(mapping: ColumnMapping, crs: Crs): void;
  /** Cancel: stops a running import, or closes the dialog. */
  onCancel(): void;
}

/** The import dialog: a modal with one stage shown at a time. Every value from the file is text. */
export interface ImportDialog {
  readonly el: HTMLElement;
  readonly open: boolean;
  showChoose(error?: { title: string; message: string }): void;
  showReading(file: string): void;
  showPreview(p: ImportPreview, mapping: ColumnMapping, crs: Crs): void;
  showRunning(file: string): void;
  progress(rowsRead: number, bytesRead: number, totalBytes: number): void;
  close(): void;
}

export function createImportDialog(host: HTMLElement, lang: () => Lang, on: DialogHandlers): ImportDialog {
  const L = (k: PartStringKey, v?: Record<string, string | number>) => t(lang(), k, v);
  const body = h('div', { class: 'import-body' });
  const title = h('h2', { id: 'import-title' });
  const box = h('div', { class: 'import-dialog', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'import-title' },
    h('div', { class: 'import-head' }, title,
      h('button', { type: 'button', class: 'close', 'aria-label': L('importClose'), onClick: () => on.onCancel() }, '×')),
    body);
  const backdrop = h('div', { class: 'import-backdrop', hidden: true }, box);
  host.append(backdrop);
  let previously: Element | null = null;
  let progressEl: HTMLProgressElement | null = null;
  let progressText: HTMLElement | null = null;

  backdrop.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      on.onCancel();
    }
    // Keep Tab inside the dialog while it is open.
    if (e.key === 'Tab') {
      const focusable = [...box.querySelectorAll<HTMLElement>('button, input, select, textarea, [tabindex="0"]')].filter((x) => !x.hasAttribute('disabled') && x.offsetParent !== null);
      if (!focusable.length) return;
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    }
  });

  function show(...children: (Node | null)[]): void {
    if (backdrop.hidden) previously = document.activeElement;
    title.textContent = L('importTitle');
    body.replaceChildren(...children.filter((c): c is Node => c !== null));
    backdrop.hidden = false;
    progressEl = null;
    progressText = null;
  }

  function errorBox(error?: { title: string; message: string }): HTMLElement | null {
    return error ? h('div', { class: 'import-error', role: 'alert' }, h('strong', {}, error.title), h('p', {}, error.message)) : null;
  }

  const dialog: ImportDialog = {
    el: backdrop,
    get open() {
      return !backdrop.hidden;
    },
    showChoose(error) {
      const input = h('input', {
        type: 'file', id: 'import-file', accept: ACCEPT, class: 'visually-hidden', 'aria-label': L('importChoose'),
        onChange: () => input.files?.[0] && on.onFile(input.files[0]),
      });
      const paste = h('textarea', { id: 'import-paste', rows: 5, 'aria-label': L('importPasteLabel'), placeholder: 'name,lon,lat\n荆州古城,112.19,30.35', spellcheck: 'false' });
      show(
        errorBox(error),
        h('p', { class: 'import-hint' }, L('importFormats')),
        h('label', { class: 'import-file button primary', for: 'import-file' }, L('importChoose')),
        input,
        h('label', { class: 'import-paste-label', for: 'import-paste' }, L('importPasteLabel')),
        paste,
        h('div', { class: 'import-actions' },
          h('button', { type: 'button', id: 'import-read-paste', onClick: () => paste.value.trim() && on.onPaste(paste.value) }, L('importReadPaste')),
          h('button', { type: 'button', onClick: () => on.onCancel() }, L('importCancel'))),
      );
      // The visible "button" is the input's label: focusable, and Enter/Space open the picker.
      const label = box.querySelector<HTMLElement>('.import-file')!;
      label.setAttribute('tabindex', '0');
      label.setAttribute('role', 'button');
      label.addEventListener('keydown', (e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), input.click()));
      label.focus();
    },
    showReading(file) {
      show(h('p', { class: 'import-reading', role: 'status' }, L('importReading', { file })));
    },
    showPreview(p, mapping, crs) {
      const chosen: ColumnMapping = { ...mapping };
      let chosenCrs = crs;
      const roles = p.hasGeometry ? GEOMETRY_ROLES : TABLE_ROLES;
      const facts = h('dl', { class: 'import-facts' },
        h('dt', {}, L('importFile')), h('dd', {}, p.fileName),
        h('dt', {}, L('importFormat')), h('dd', {}, p.format.toUpperCase() + (p.delimiter ? ` (${p.delimiter === '\t' ? 'Tab' : p.delimiter})` : '')),
      );
      const encoding = p.encoding
        ? h('label', { class: 'import-field' }, h('span', {}, L('importEncoding')),
          h('select', { id: 'import-encoding', 'aria-label': L('importEncoding'), onChange: (e: Event) => on.onEncoding((e.target as HTMLSelectElement).value as TextEncoding) },
            h('option', { value: 'utf-8', selected: p.encoding === 'utf-8' }, L('enc_utf8')),
            h('option', { value: 'gb18030', selected: p.encoding === 'gb18030' }, L('enc_gb18030'))),
          h('small', {}, L('importEncodingHint')))
        : null;
      const sample = h('div', { class: 'import-sample', tabindex: 0, role: 'region', 'aria-label': L('importSample') },
        h('table', {},
          h('thead', {}, h('tr', {}, ...p.columns.map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, ...p.sample.slice(0, SAMPLE_SHOWN).map((row) => h('tr', {}, ...p.columns.map((_, i) => h('td', {}, row[i] ?? '')))))));
      const selects = roles.map((role) => h('label', { class: 'import-field' }, h('span', {}, L(`role_${role}` as PartStringKey)),
        h('select', { 'data-role': role, 'aria-label': L(`role_${role}` as PartStringKey), onChange: (e: Event) => {
          const v = (e.target as HTMLSelectElement).value;
          if (v) chosen[role] = v;
          else delete chosen[role];
        } },
        h('option', { value: '' }, L('importNotUsed')),
        ...p.columns.map((c) => h('option', { value: c, selected: chosen[role] === c }, c)))));
      const crsGroup = h('fieldset', { class: 'import-crs' }, h('legend', {}, L('importCrs')),
        ...CRSES.map((c) => h('label', { class: 'import-radio' },
          h('input', { type: 'radio', name: 'import-crs', value: c, checked: c === chosenCrs, onChange: () => (chosenCrs = c) }),
          h('span', {}, L(`crs_${c}` as PartStringKey)))),
        h('small', {}, p.crsFromFile ? L('importCrsFromFile', { crs: p.crsFromFile }) : L('importCrsHint')));
      const fileNotes = p.notes ?? [];
      const notes = fileNotes.length ? h('ul', { class: 'import-notes' }, ...fileNotes.map((n) => h('li', {}, n))) : null;
      show(
        facts, encoding, notes,
        h('h3', {}, L('importSample')), sample,
        h('h3', {}, L('importMapping')), h('div', { class: 'import-mapping' }, ...selects),
        crsGroup,
        h('div', { class: 'import-actions' },
          h('button', { type: 'button', class: 'primary', id: 'import-add', onClick: () => on.onAdd(chosen, chosenCrs) }, L('importAdd')),
          h('button', { type: 'button', onClick: () => on.onCancel() }, L('importCancel'))),
      );
      box.querySelector<HTMLElement>('#import-add')?.focus();
    },
    showRunning(file) {
      progressEl = h('progress', { id: 'import-progress', max: 1, value: 0, 'aria-label': L('importProgressLabel') });
      progressText = h('p', { class: 'import-count', role: 'status' }, L('importProgress', { n: 0 }));
      const pEl = progressEl;
      const tEl = progressText;
      show(h('p', {}, L('importReading', { file })), pEl, tEl,
        h('div', { class: 'import-actions' }, h('button', { type: 'button', id: 'import-cancel', onClick: () => on.onCancel() }, L('importCancel'))));
      progressEl = pEl;
      progressText = tEl;
      box.querySelector<HTMLElement>('#import-cancel')?.focus();
    },
    progress(rowsRead, bytesRead, totalBytes) {
      if (progressEl && totalBytes > 0) progressEl.value = Math.min(1, bytesRead / totalBytes);
      if (progressText) progressText.textContent = L('importProgress', { n: formatCount(rowsRead, lang()) });
    },
    close() {
      backdrop.hidden = true;
      body.replaceChildren();
      if (previously instanceof HTMLElement && previously.isConnected) previously.focus();
    },
  };
  return dialog;
}
