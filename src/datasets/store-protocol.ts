/**
 * Messages between the page and the storage worker (store-worker.ts), and the one helper both
 * sides use: copies of a value's typed arrays, with the list of buffers to transfer.
 */

export type StoreRequest =
  | { id: number; op: 'get'; key: string }
  | { id: number; op: 'set'; key: string; value: unknown }
  | { id: number; op: 'del'; key: string };

/** `error` keeps the DOMException's name (QuotaExceededError…), which the page's storage notice reads. */
export type StoreResponse =
  | { id: number; ok: true; value?: unknown }
  | { id: number; ok: false; error: { name: string; message: string } };

/**
 * `value` with every typed array replaced by a copy (a memcpy), and the copies' buffers. Sent
 * with those buffers as transferables, the value crosses to the worker without being serialised
 * on this thread, and the page keeps its own arrays (the map and the list still use them).
 * Plain objects and arrays are walked; anything else is kept as it is (cloned when posted).
 */
export function detachableCopy(value: unknown, transfer: ArrayBuffer[] = []): { value: unknown; transfer: ArrayBuffer[] } {
  const walk = (v: unknown): unknown => {
    if (ArrayBuffer.isView(v)) {
      if (v instanceof DataView) return v;
      const copy = (v as unknown as { slice(): ArrayBufferView }).slice();
      transfer.push(copy.buffer as ArrayBuffer);
      return copy;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = walk(x);
      return out;
    }
    return v;
  };
  return { value: walk(value), transfer };
}

/** The buffers of the typed arrays in `value`, to transfer a value that is not kept (worker → page). */
export function buffersOf(value: unknown): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const walk = (v: unknown): void => {
    if (ArrayBuffer.isView(v)) out.add(v.buffer as ArrayBuffer);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) Object.values(v).forEach(walk);
  };
  walk(value);
  return [...out];
}
