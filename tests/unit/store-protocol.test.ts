import { describe, expect, it } from 'vitest';
import { buffersOf, detachableCopy } from '../../src/datasets/store-protocol';

/** A value shaped like an import: typed arrays inside objects and arrays, and plain fields. */
function sample() {
  const bytes = new TextEncoder().encode('荆州沙市机场');
  return {
    count: 3,
    columns: ['name', 'lon'],
    cells: [{ bytes, offsets: new Uint32Array([0, 6, 12, bytes.length]) }],
    positions: new Float64Array([112.4, 30.3, 112.2, 30.35, 112.1, 30.1]),
    theme: new Uint8Array([1, 2, 255]),
    // A view on part of a larger buffer: its copy must hold only its own bytes.
    line: new Uint32Array(new ArrayBuffer(64), 8, 3).fill(7),
    flags: [{ index: 1, fix: [30.35, 112.2] }],
    geometries: null,
  };
}

const noPause = () => Promise.resolve();

describe('values sent to the storage worker', () => {
  it('cross as copies: the page keeps its arrays, the copies arrive whole', async () => {
    const original = sample();
    const { value, transfer } = await detachableCopy(original, noPause);
    expect(transfer).toHaveLength(5);
    // What postMessage does with the transfer list.
    const arrived = structuredClone(value, { transfer }) as ReturnType<typeof sample>;
    expect(arrived).toEqual(original);
    expect(arrived.line.byteLength).toBe(12);
    // The page's arrays still hold their data; the sent copies are detached.
    expect([...original.positions]).toEqual([112.4, 30.3, 112.2, 30.35, 112.1, 30.1]);
    expect(original.cells[0].bytes.byteLength).toBeGreaterThan(0);
    expect((value as ReturnType<typeof sample>).positions.byteLength).toBe(0);
  });

  it('values read back give up their own buffers, each once', () => {
    const v = sample();
    const shared = new Float32Array(v.positions.buffer.byteLength / 4);
    const withShared = { ...v, again: new Float32Array(shared.buffer, 0, 2), shared };
    const buffers = buffersOf(withShared);
    expect(buffers).toHaveLength(6);
    const arrived = structuredClone(withShared, { transfer: buffers });
    expect(arrived.positions).toEqual(sample().positions);
    expect(v.positions.byteLength).toBe(0); // moved, not copied
  });

  it('a large value is copied in slices, the page getting its turn between them', async () => {
    const positions = Float64Array.from({ length: 300_000 }, (_, i) => i / 7); // 2.4 MB
    const names = new Uint8Array(1_500_000).map((_, i) => i % 251);
    let pauses = 0;
    const { value, transfer } = await detachableCopy({ positions, names }, async () => void pauses++, 1 << 20);
    // 3.9 MB in 1 MiB slices: a turn for the page before each slice after the first.
    expect(pauses).toBe(3);
    const arrived = structuredClone(value, { transfer }) as { positions: Float64Array; names: Uint8Array };
    // Byte for byte (toEqual over millions of elements takes seconds).
    expect(Buffer.from(arrived.positions.buffer).equals(Buffer.from(positions.buffer))).toBe(true);
    expect(Buffer.from(arrived.names.buffer).equals(Buffer.from(names.buffer))).toBe(true);
  });

  it('leaves values without typed arrays as they are', async () => {
    expect(await detachableCopy({ a: 1, b: ['x'] }, noPause)).toEqual({ value: { a: 1, b: ['x'] }, transfer: [] });
    expect(buffersOf([{ a: 'x' }, 2, null])).toEqual([]);
  });
});
