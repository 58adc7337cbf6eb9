import type { ImportSource } from '../import/types';
import { lazyPart } from '../reliability/lazy-part';
import type { ImportController } from './controller';

/**
 * The import as the page holds it before anyone imports: the ways in (the 导入 button, a drop, a
 * paste) and whether its dialog is open. The dialog and its flow (./controller) are fetched on
 * the first use.
 */
export interface ImportLauncher {
  /** Opens the dialog at its first step (choose a file or paste). */
  open(): void;
  /** Reads a file or pasted text (drop, paste). */
  read(source: ImportSource): void;
  /** Reads a File (picker, drop, a pasted file). */
  readFile(file: File): void;
  /** True while the import dialog is open (the page's own keys stand aside). */
  isOpen(): boolean;
}

export function createImportLauncher(create: (m: typeof import('./controller')) => ImportController): ImportLauncher {
  let controller: ImportController | null = null;
  const load = lazyPart('导入 Import', () => import('./controller').then((m) => (controller ??= create(m))));
  const use = (act: (c: ImportController) => void) => void load().then(act);
  return {
    open: () => use((c) => c.open()),
    read: (source) => use((c) => c.read(source)),
    readFile: (file) => use((c) => c.readFile(file)),
    isOpen: () => controller?.dialog.open ?? false,
  };
}
