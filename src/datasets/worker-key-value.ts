import type { KeyValue } from './persist';
import { detachableCopy, type StoreRequest, type StoreResponse } from './store-protocol';

/** A request before it is numbered (Omit over each member of the union). */
type Unnumbered = StoreRequest extends infer R ? (R extends StoreRequest ? Omit<R, 'id'> : never) : never;

interface Pending {
  resolve(v: unknown): void;
  reject(e: Error): void;
  /** The same call on the page's own IndexedDB, if the worker dies before answering. */
  onPage(): Promise<unknown>;
}

/**
 * A {@link KeyValue} whose IndexedDB work runs in a worker (store-worker.ts), so storing or
 * restoring a large import does not hold the page's thread; values cross as transferred copies of
 * their typed arrays. Where the worker cannot start or dies (a script blocked or not fetched),
 * every call, the unanswered ones included, goes to `onPage` (idb-keyval on this thread).
 */
export function createWorkerKeyValue(onPage: KeyValue): KeyValue {
  // Started by the first call (the restore once the map is drawn), not while the page loads.
  let worker: Worker | null | undefined;
  const pending = new Map<number, Pending>();
  let next = 1;
  function started(): Worker | null {
    if (worker !== undefined) return worker;
    try {
      worker = new Worker(new URL('./store-worker.ts', import.meta.url), { type: 'module', name: 'dataset-store' });
    } catch {
      return (worker = null);
    }
    worker.onmessage = (e: MessageEvent<StoreResponse>) => {
      const r = e.data;
      const p = pending.get(r.id);
      if (!p) return;
      pending.delete(r.id);
      if (r.ok) p.resolve(r.value);
      // The DOMException's name survives (QuotaExceededError is what the storage notice reads).
      else p.reject(Object.assign(new Error(r.error.message), { name: r.error.name }));
    };
    worker.onerror = (e) => {
      e.preventDefault();
      console.warn('dataset storage worker failed; storing on the page instead', e.message);
      worker?.terminate();
      worker = null;
      for (const p of pending.values()) p.onPage().then(p.resolve, p.reject);
      pending.clear();
    };
    return worker;
  }
  /** Posts a request made ready by `prepare` (which may take several tasks) once the ones before it are posted: the worker sees calls in their order. */
  let posted: Promise<unknown> = Promise.resolve();
  const call = (prepare: () => Promise<{ req: Unnumbered; transfer?: ArrayBuffer[] }> | { req: Unnumbered; transfer?: ArrayBuffer[] }, onPageCall: () => Promise<unknown>) => {
    const sent = posted.then(async () => {
      const { req, transfer = [] } = await prepare();
      const w = started();
      if (!w) return { answer: onPageCall() };
      return {
        answer: new Promise<unknown>((resolve, reject) => {
          const id = next++;
          pending.set(id, { resolve, reject, onPage: onPageCall });
          w.postMessage({ ...req, id } as StoreRequest, transfer);
        }),
      };
    });
    posted = sent.catch(() => undefined);
    return sent.then((s) => s.answer);
  };
  // Between slices of a large copy the page gets its turn (a frame, a tap).
  const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  return {
    get: <T>(key: string) => call(() => ({ req: { op: 'get', key } }), () => onPage.get(key)) as Promise<T | undefined>,
    set(key, value) {
      if (!started()) return onPage.set(key, value);
      return call(async () => {
        const copy = await detachableCopy(value, pause);
        return { req: { op: 'set', key, value: copy.value }, transfer: copy.transfer };
      }, () => onPage.set(key, value)) as Promise<void>;
    },
    del: (key) => call(() => ({ req: { op: 'del', key } }), () => onPage.del(key)) as Promise<void>,
  };
}
