import { createStore, get, set, type UseStore } from 'idb-keyval';

/**
 * What the user drew lives in the browser's IndexedDB (its own database, so other features'
 * stores cannot clash with it). Storage can be off (private mode, full disk): then reads give an
 * empty list and writes report a typed error the panel can show; nothing drawn is lost from the page.
 */
let db: UseStore | null = null;
const store = () => (db ??= createStore('jzmap-draw', 'records'));

export class StorageError extends Error {
  constructor(readonly key: string, cause: unknown) {
    super(`IndexedDB: ${key} could not be saved (${cause instanceof Error ? cause.message : String(cause)})`);
  }
}

/** The list saved under `key`, or [] when none (or storage is unavailable). */
export async function loadList<T>(key: string, valid: (x: unknown) => x is T): Promise<T[]> {
  try {
    const v = await get<unknown>(key, store());
    return Array.isArray(v) ? v.filter(valid) : [];
  } catch {
    return [];
  }
}

export async function saveList<T>(key: string, list: T[]): Promise<void> {
  try {
    await set(key, list, store());
  } catch (e) {
    throw new StorageError(key, e);
  }
}

/** A list of records kept in memory, saved to IndexedDB on each change, observable. */
export interface RecordList<T extends { id: string }> {
  /** Resolves once the saved records are loaded. */
  ready: Promise<void>;
  list(): readonly T[];
  get(id: string): T | undefined;
  /** Adds the record, or replaces the one with its id. */
  put(r: T): Promise<void>;
  remove(id: string): Promise<void>;
  subscribe(fn: () => void): () => void;
}

export function createRecordList<T extends { id: string }>(key: string, valid: (x: unknown) => x is T): RecordList<T> {
  let items: T[] = [];
  const listeners = new Set<() => void>();
  const changed = async () => {
    for (const l of listeners) l();
    await saveList(key, items);
  };
  const ready = loadList(key, valid).then((saved) => {
    // Records made before the load finished stay; saved ones fill in around them.
    items = [...saved.filter((s) => !items.some((i) => i.id === s.id)), ...items];
    for (const l of listeners) l();
  });
  return {
    ready,
    list: () => items,
    get: (id) => items.find((i) => i.id === id),
    put(r) {
      const at = items.findIndex((i) => i.id === r.id);
      items = at >= 0 ? items.map((i, k) => (k === at ? r : i)) : [...items, r];
      return changed();
    },
    remove(id) {
      items = items.filter((i) => i.id !== id);
      return changed();
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}
