import { del, get, set } from 'idb-keyval';
import type { ImportedData } from '../import/types';
import type { ImportDataset } from './types';

/**
 * Imported datasets in IndexedDB (idb-keyval): one small list of layer settings (name, colour,
 * visibility, mapping) under one key, each dataset's columns under their own key, typed arrays
 * stored as they are. Renaming or hiding a layer rewrites the list only, never the data.
 */

/** The key-value store used; IndexedDB through idb-keyval in the app, a map in unit tests. */
export interface KeyValue {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
}

export const idbKeyValue: KeyValue = { get, set, del };

const LIST_KEY = 'jzmap:datasets';
const dataKey = (id: string) => `jzmap:data:${id}`;

/** What the layer list needs to restore a dataset, without its data. */
export type StoredMeta = Pick<ImportDataset, 'id' | 'name' | 'colour' | 'visible' | 'mapping' | 'createdAt'>;

/** Storage refused: 'quota' (the disk or the site's share is full) or 'unavailable' (blocked, private mode, broken). */
export class StorageError extends Error {
  constructor(
    readonly reason: 'quota' | 'unavailable',
    readonly cause?: unknown,
  ) {
    super(reason === 'quota' ? 'storage full' : 'storage unavailable');
    this.name = 'StorageError';
  }
}

function classify(err: unknown): StorageError {
  if (err instanceof StorageError) return err;
  const name = (err as { name?: string } | null)?.name ?? '';
  return new StorageError(name === 'QuotaExceededError' || /quota/i.test(String((err as Error)?.message)) ? 'quota' : 'unavailable', err);
}

const metaOf = (d: ImportDataset): StoredMeta => ({ id: d.id, name: d.name, colour: d.colour, visible: d.visible, mapping: d.mapping, createdAt: d.createdAt });

function isMeta(v: unknown): v is StoredMeta {
  const m = v as StoredMeta;
  return !!m && typeof m.id === 'string' && typeof m.name === 'string' && Array.isArray(m.colour) && m.colour.length === 3 && typeof m.visible === 'boolean';
}

function isData(v: unknown): v is ImportedData {
  const d = v as ImportedData;
  return !!d && typeof d.count === 'number' && d.positions instanceof Float64Array && d.positions.length === d.count * 2 && Array.isArray(d.cells);
}

export interface DatasetStore {
  /** Every stored dataset; a damaged entry is skipped (and named in `skipped`). */
  loadAll(): Promise<{ datasets: ImportDataset[]; skipped: string[] }>;
  /** Stores data and settings. Rejects with a {@link StorageError}; then nothing half-written stays. */
  add(d: ImportDataset): Promise<void>;
  /** Rewrites the settings list (name, colour, visibility) and, when `withData`, the dataset's data. */
  update(all: ImportDataset[], changed?: ImportDataset): Promise<void>;
  remove(id: string, all: ImportDataset[]): Promise<void>;
}

export function createDatasetStore(kv: KeyValue = idbKeyValue): DatasetStore {
  // Writes go one after the other, so the list is never written from two stale copies.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const p = queue.then(fn, fn);
    queue = p.catch(() => undefined);
    return p;
  };
  const writeList = async (all: ImportDataset[]) => kv.set(LIST_KEY, all.filter((d) => d.stored === 'saved').map(metaOf));

  return {
    async loadAll() {
      let list: unknown;
      try {
        list = await kv.get(LIST_KEY);
      } catch (err) {
        throw classify(err);
      }
      const datasets: ImportDataset[] = [];
      const skipped: string[] = [];
      for (const m of Array.isArray(list) ? list : []) {
        if (!isMeta(m)) continue;
        const data = await kv.get(dataKey(m.id)).catch(() => undefined);
        if (!isData(data)) {
          skipped.push(m.name);
          continue;
        }
        datasets.push({ ...m, mapping: m.mapping ?? {}, createdAt: m.createdAt ?? 0, kind: 'import', data, stored: 'saved' });
      }
      return { datasets, skipped };
    },
    add(d) {
      return serial(async () => {
        try {
          await kv.set(dataKey(d.id), d.data);
          const list = ((await kv.get<StoredMeta[]>(LIST_KEY)) ?? []).filter((m) => isMeta(m) && m.id !== d.id);
          await kv.set(LIST_KEY, [...list, metaOf(d)]);
        } catch (err) {
          await kv.del(dataKey(d.id)).catch(() => undefined);
          throw classify(err);
        }
      });
    },
    update(all, changed) {
      return serial(async () => {
        try {
          if (changed && changed.stored === 'saved') await kv.set(dataKey(changed.id), changed.data);
          await writeList(all);
        } catch (err) {
          throw classify(err);
        }
      });
    },
    remove(id, all) {
      return serial(async () => {
        try {
          await writeList(all.filter((d) => d.id !== id));
          await kv.del(dataKey(id));
        } catch (err) {
          throw classify(err);
        }
      });
    },
  };
}
