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

type TypedArray = Exclude<ArrayBufferView, DataView> & { length: number; BYTES_PER_ELEMENT: number; set(a: ArrayLike<number | bigint>, offset?: number): void; subarray(a: number, b?: number): TypedArray };

/**
 * `value` with every typed array replaced by a copy, and the copies' buffers. Sent with those
 * buffers as transferables, the value crosses to the worker without being serialised on this
 * thread, and the page keeps its own arrays (the map and the list still use them).
 *
 * The copy is made in slices of `sliceBytes`, awaiting `pause()` between them: a large import's
 * columns are tens of megabytes, and one memcpy of them all held a throttled phone's page for
 * ~170 ms right after the import was drawn.
 */
export async function detachableCopy(value: unknown, pause: () => Promise<void>, sliceBytes = 1 << 20): Promise<{ value: unknown; transfer: ArrayBuffer[] }> {
  const transfer: ArrayBuffer[] = [];
  const jobs: [TypedArray, TypedArray][] = [];
  const copy = mapViews(value, (v) => {
    if (v instanceof DataView) return v; // cloned when posted
    const from = v as TypedArray;
    const to = new (from.constructor as new (n: number) => TypedArray)(from.length);
    jobs.push([from, to]);
    transfer.push(to.buffer as ArrayBuffer);
    return to;
  });
  let since = 0;
  for (const [from, to] of jobs) {
    const per = Math.max(1, Math.floor(sliceBytes / from.BYTES_PER_ELEMENT));
    for (let i = 0; i < from.length; i += per) {
      if (since >= sliceBytes) {
        await pause();
        since = 0;
      }
      const part = from.subarray(i, i + per);
      to.set(part as unknown as ArrayLike<number>, i);
      since += part.byteLength;
    }
  }
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
