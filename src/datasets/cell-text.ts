import type { TextColumn } from '../import/types';

const decoder = new TextDecoder('utf-8');

/** Cell `i` of a column as text. */
export function cellText(col: TextColumn, i: number): string {
  return decoder.decode(col.bytes.subarray(col.offsets[i], col.offsets[i + 1]));
}

/**
 * The whole column as one string plus where each cell starts in it (UTF-16 units), so a search
 * over a million cells is a few `indexOf` calls, not a million decodes.
 */
export function columnString(col: TextColumn, count: number): { text: string; starts: Uint32Array } {
  const text = decoder.decode(col.bytes.subarray(col.offsets[0], col.offsets[count]));
  const starts = new Uint32Array(count + 1);
  // UTF-16 length of a UTF-8 prefix: one unit per lead byte, two for a 4-byte sequence.
  let units = 0;
  let b = col.offsets[0];
  const bytes = col.bytes;
  for (let i = 0; i <= count; i++) {
    const end = col.offsets[i];
    for (; b < end; b++) {
      const x = bytes[b];
      if ((x & 0xc0) !== 0x80) units += x >= 0xf0 ? 2 : 1;
    }
    starts[i] = units;
  }
  return { text, starts };
}
