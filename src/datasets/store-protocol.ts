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
 * `value` rebuilt with `f` applied to each typed array in it. Plain objects and arrays are walked
 * (an import is typed arrays inside those); anything else is kept as it is.
 */
function mapViews(value: unknown, f: (v: ArrayBufferView) => ArrayBufferView): unknown {
  const walk = (v: unknown): unknown => {
    if (ArrayBuffer.isView(v)) return f(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = walk(x);
      return out;
    }
    return v;
  };
  return walk(value);
}

/**
 * `value` with every typed array replaced by a copy (a memcpy), and the copies' buffers. Sent
 * with those buffers as transferables, the value crosses to the worker without being serialised
 * on this thread, and the page keeps its own arrays (the map and the list still use them).
 */
export function detachableCopy(value: unknown): { value: unknown; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  const copy = mapViews(value, (v) => {
    if (v instanceof DataView) return v; // no slice(): cloned when posted
    const c = (v as unknown as { slice(): ArrayBufferView }).slice();
    transfer.push(c.buffer as ArrayBuffer);
    return c;
  });
  return { value: copy, transfer };
}

/** The buffers of the typed arrays in `value`, to transfer a value that is not kept (worker → page). */
export function buffersOf(value: unknown): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  mapViews(value, (v) => {
    out.add(v.buffer as ArrayBuffer);
    return v;
  });
  return [...out];
}
