import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import { importsOf } from './filtered';
import { StorageError, type DatasetStore } from './persist';
import { parseFeatureId, type Dataset, type ImportDataset, type Rgb } from './types';

/** Told when storage refuses: the layer stays for the session, the user is told why. */
export type StorageProblem = (reason: StorageError['reason'] | 'load', name: string) => void;

export interface DatasetActions {
  /** Adds an import (drawn at once) and stores it; storage trouble keeps it for the session. */
  add(d: ImportDataset): Promise<void>;
  remove(id: string): Promise<void>;
  rename(id: string, name: string): void;
  /** A colour the user chose for the layer (the palette repeats after eight layers). */
  recolour(id: string, colour: Rgb): void;
  setVisible(id: string, visible: boolean): void;
  /** Applies the swap fix of these flags (indices into data.flags): positions replaced, flags dropped. */
  applyFixes(id: string, flagIndices: number[]): void;
  /** Restores the stored imports (after a reload or a browser restart). */
  restore(): Promise<void>;
}

/**
 * The only writers of `state.datasets`: each change makes a new list (and a new object for the
 * changed dataset, so layers and panels see it), then writes storage in the background.
 */
export function createDatasetActions(store: Store<AppState>, persist: DatasetStore, problem: StorageProblem): DatasetActions {
  const setDatasets = (fn: (ds: Dataset[]) => Dataset[]) => store.set((s) => ({ datasets: fn(s.datasets) }));
  const importList = () => importsOf(store.get().datasets);
  const replace = (id: string, fn: (d: ImportDataset) => ImportDataset): ImportDataset | null => {
    let changed: ImportDataset | null = null;
    setDatasets((ds) => ds.map((d) => (d.id === id && d.kind === 'import' ? (changed = fn(d)) : d)));
    return changed;
  };
  const saveSettings = (changed?: ImportDataset) => persist.update(importList(), changed).catch((err: unknown) => {
    if (err instanceof StorageError && changed) problem(err.reason, changed.name);
  });

  return {
    async add(d) {
      setDatasets((ds) => [...ds, d]);
      try {
        await persist.add(d);
      } catch (err) {
        const reason = err instanceof StorageError ? err.reason : 'unavailable';
        replace(d.id, (x) => ({ ...x, stored: 'session' }));
        problem(reason, d.name);
      }
    },
    async remove(id) {
      const sel = parseFeatureId(store.get().selectedId);
      store.set((s) => ({
        datasets: s.datasets.filter((d) => d.id !== id),
        selectedId: sel?.datasetId === id ? null : s.selectedId,
        hoveredId: parseFeatureId(s.hoveredId)?.datasetId === id ? null : s.hoveredId,
        importReport: s.importReport === id ? null : s.importReport,
      }));
      await persist.remove(id, importList()).catch(() => undefined);
    },
    rename(id, name) {
      if (id === 'report') return;
      const changed = replace(id, (d) => ({ ...d, name }));
      if (changed) void saveSettings();
    },
    recolour(id, colour) {
      if (!colour.every((c) => Number.isInteger(c) && c >= 0 && c <= 255)) return;
      const changed = replace(id, (d) => ({ ...d, colour }));
      if (changed) void saveSettings();
    },
    setVisible(id, visible) {
      setDatasets((ds) => ds.map((d) => (d.id === id ? { ...d, visible } : d)));
      void saveSettings();
    },
    applyFixes(id, flagIndices) {
      const changed = replace(id, (d) => {
        const positions = new Float64Array(d.data.positions);
        const drop = new Set(flagIndices);
        d.data.flags.forEach((f, i) => {
          if (!drop.has(i) || !f.fix) return;
          positions[f.index * 2] = f.fix[0];
          positions[f.index * 2 + 1] = f.fix[1];
        });
        return { ...d, data: { ...d.data, positions, flags: d.data.flags.filter((_, i) => !drop.has(i)) } };
      });
      if (changed) void saveSettings(changed);
    },
    async restore() {
      try {
        const { datasets, skipped } = await persist.loadAll();
        const have = new Set(store.get().datasets.map((d) => d.id));
        const fresh = datasets.filter((d) => !have.has(d.id));
        if (fresh.length) setDatasets((ds) => [...ds, ...fresh]);
        if (skipped.length) problem('load', skipped.join('、'));
      } catch {
        problem('load', '');
      }
    },
  };
}
