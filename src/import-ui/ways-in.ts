import { t, type Lang } from '../i18n';
import { h } from '../ui/dom';
import type { ImportSource } from '../import/types';

/**
 * The ways a file reaches the import besides the dialog's picker: dropped on the map, or pasted
 * (Ctrl+V) while the focus is not in a text field.
 */
export function installWaysIn(mapEl: HTMLElement, lang: () => Lang, read: (s: ImportSource) => void, readFile: (f: File) => void): void {
  const hint = h('div', { class: 'drop-hint', hidden: true, 'aria-hidden': 'true' });
  mapEl.append(hint);
  let depth = 0;
  const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');
  mapEl.addEventListener('dragenter', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth++;
    hint.textContent = t(lang(), 'importDrop');
    hint.hidden = false;
  });
  mapEl.addEventListener('dragover', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  });
  mapEl.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) hint.hidden = true;
  });
  mapEl.addEventListener('drop', (e) => {
    depth = 0;
    hint.hidden = true;
    const file = e.dataTransfer?.files?.[0];
    if (!file) return;
    e.preventDefault();
    readFile(file);
  });
  // A file dropped anywhere else must not make the browser navigate away from the app.
  window.addEventListener('dragover', (e) => e.preventDefault());
  window.addEventListener('drop', (e) => e.preventDefault());

  document.addEventListener('paste', (e) => {
    const target = e.target as HTMLElement | null;
    if (target?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], [role=dialog]')) return;
    const file = e.clipboardData?.files?.[0];
    if (file) {
      e.preventDefault();
      readFile(file);
      return;
    }
    const text = e.clipboardData?.getData('text/plain') ?? '';
    if (!text.trim()) return;
    e.preventDefault();
    const head = text.trimStart();
    const name = head.startsWith('{') || head.startsWith('[') ? 'pasted.geojson' : head.startsWith('<') ? 'pasted.kml' : 'pasted.csv';
    read({ name, bytes: new TextEncoder().encode(text).buffer as ArrayBuffer });
  });
}
