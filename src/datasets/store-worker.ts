/// <reference lib="webworker" />
// Writes and reads imported datasets in IndexedDB off the page's thread: IndexedDB serialises a
// value on the thread that stores it, and for a 100k-row import that was ~0.5 s of a phone's
// main thread (npm run bench, import-interactive). Same database and keys as idb-keyval on the page.
import { del, get, set } from 'idb-keyval';
import { buffersOf, type StoreRequest, type StoreResponse } from './store-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (e: MessageEvent<StoreRequest>) => {
  const req = e.data;
  let res: StoreResponse;
  try {
    if (req.op === 'get') res = { id: req.id, ok: true, value: await get(req.key) };
    else if (req.op === 'set') res = { id: req.id, ok: true, value: void (await set(req.key, req.value)) };
    else res = { id: req.id, ok: true, value: void (await del(req.key)) };
  } catch (err) {
    const x = err as { name?: string; message?: string } | null;
    res = { id: req.id, ok: false, error: { name: x?.name ?? 'Error', message: x?.message ?? String(err) } };
  }
  // What was read is not kept here: its buffers move to the page rather than being copied.
  scope.postMessage(res, res.ok ? buffersOf(res.value) : []);
};
