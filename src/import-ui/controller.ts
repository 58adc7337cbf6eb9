import type { DatasetActions } from '../datasets/actions';
import { nextColour } from '../datasets/colours';
import { importsOf } from '../datasets/filtered';
import type { ImportDataset } from '../datasets/types';
import { ImportError, type ColumnMapping, type Crs, type ImportGazetteer, type ImportSession, type ImportSource } from '../import/types';
import { type Lang } from '../i18n';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import { createImportDialog, type ImportDialog } from './dialog';
import { loadImportCore, type ImportCore } from './core';
import { t } from './strings';

export interface ImportController {
  /** Opens the dialog at its first step (choose a file or paste). */
  open(): void;
  /** Reads a file or pasted text (drop, picker, paste). */
  read(source: ImportSource): void;
  /** Reads a File (picker, drop, a pasted file). */
  readFile(file: File): void;
  readonly dialog: ImportDialog;
}

/** Largest file read: beyond this a browser tab runs out of memory before the app can help. */
const MAX_BYTES = 512 * 1024 * 1024;

const baseName = (file: string) => file.replace(/\.[^./\\]+$/, '').slice(0, 80) || file;

/**
 * The import flow: source → the core's preview → the user's mapping and coordinate system → the
 * core's run (in a worker for CSV) with progress and a real Cancel → a dataset in the store.
 * Every failure ends on a message in the dialog; nothing keeps spinning.
 */
export function createImportController(
  host: HTMLElement,
  store: Store<AppState>,
  actions: DatasetActions,
  base: { places: GeoJSON.FeatureCollection; counties: GeoJSON.FeatureCollection },
  onAdded: (d: ImportDataset) => void,
): ImportController {
  const lang = (): Lang => store.get().lang;
  let session: ImportSession | null = null;
  let running: AbortController | null = null;
  let generation = 0;
  let gazetteer: ImportGazetteer | null = null;

  const fail = (file: string, err: unknown) => {
    const message = err instanceof ImportError ? err.message : `${String((err as Error)?.message ?? err)} · 请检查文件后重试。 Check the file and try again.`;
    dialog.showChoose({ title: t(lang(), 'importFailed', { file }), message });
  };

  const dialog = createImportDialog(host, lang, {
    onFile: (file) => controller.readFile(file),
    onPaste: (text) => {
      const trimmed = text.trimStart();
      const name = trimmed.startsWith('{') || trimmed.startsWith('[') ? 'pasted.geojson' : 'pasted.csv';
      controller.read({ name, bytes: new TextEncoder().encode(text).buffer as ArrayBuffer });
    },
    onEncoding: (enc) => {
      const s = session;
      if (!s) return;
      const gen = generation;
      s.reopen(enc).then((p) => gen === generation && dialog.showPreview(p, p.guess, 'wgs84'), (err) => fail(s.preview.fileName, err));
    },
    onAdd: (mapping, crs) => void run(mapping, crs),
    onCancel: () => {
      if (running) {
        running.abort();
        return;
      }
      generation++;
      session = null;
      dialog.close();
    },
  });

  async function run(mapping: ColumnMapping, crs: Crs): Promise<void> {
    const s = session;
    if (!s) return;
    const file = s.preview.fileName;
    const abort = new AbortController();
    running = abort;
    dialog.showRunning(file);
    try {
      const data = await s.run({
        mapping, crs, signal: abort.signal,
        onProgress: (p) => dialog.progress(p.rowsRead, p.bytesRead, p.totalBytes),
      });
      running = null;
      session = null;
      const used = importsOf(store.get().datasets).map((d) => d.colour);
      const dataset: ImportDataset = {
        id: `imp-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`,
        name: baseName(file), kind: 'import', colour: nextColour(used), visible: true,
        mapping: data.mapping ?? mapping, data, createdAt: Date.now(), stored: 'saved',
      };
      dialog.close();
      store.set({ importReport: dataset.id, tab: 'layers' });
      // The dialog closes and the layers tab opens in this task, the rows land in the next: on a
      // slow PC each is tens of milliseconds of the page's thread, together over a hundred.
      await new Promise((resolve) => setTimeout(resolve, 0));
      // On the map at once; stored in the background (a big file takes seconds to write).
      const stored = actions.add(dataset);
      onAdded(dataset);
      await stored;
    } catch (err) {
      running = null;
      if (err instanceof ImportError && err.code === 'cancelled') {
        session = null;
        dialog.showChoose({ title: t(lang(), 'importCancelled', { file }), message: '' });
      } else fail(file, err);
    }
  }

  /** Shows "reading", opens a session with the core, then its preview (or what went wrong). */
  function open(name: string, how: (core: ImportCore, ctx: { gazetteer: ImportGazetteer }) => Promise<ImportSession>): void {
    const gen = ++generation;
    dialog.showReading(name);
    loadImportCore()
      .then((core) => {
        gazetteer ??= core.buildImportGazetteer(base.places, base.counties);
        return how(core, { gazetteer });
      })
      .then((s) => {
        if (gen !== generation) return;
        session = s;
        dialog.showPreview(s.preview, s.preview.guess, 'wgs84');
      }, (err) => gen === generation && fail(name, err));
  }

  const controller: ImportController = {
    dialog,
    readFile(file) {
      if (running) return;
      if (file.size > MAX_BYTES) {
        fail(file.name, new ImportError('too-large', `文件超过 ${MAX_BYTES >> 20} MB，请拆分后分别导入。 The file is over ${MAX_BYTES >> 20} MB: split it and import the parts.`));
        return;
      }
      // The core reads what it needs: a big CSV's head here, the rest in its worker (reading a
      // whole file on the page is a long task of its own).
      open(file.name, (core, ctx) => core.openImportFile(file, ctx));
    },
    open() {
      if (running) return;
      generation++;
      session = null;
      dialog.showChoose();
    },
    read(source) {
      if (running) return;
      open(source.name, (core, ctx) => core.openImport(source, ctx));
    },
  };
  return controller;
}
