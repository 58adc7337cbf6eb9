/**
 * Text decoding for imported files: a BOM says what it is; otherwise strict UTF-8 is tried first
 * (it rejects any invalid byte, so a GBK file cannot pass as UTF-8 with mojibake), then GB18030,
 * which is what Excel on a Chinese Windows writes and a superset of GBK.
 */
import type { TextEncoding } from './types';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** True when the encoding came from the bytes (BOM or strict UTF-8 check), false when forced. */
  detected: boolean;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
}

/** UTF-16 BOM (FE FF / FF FE): Excel's "Unicode text" export. */
export function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 2) return null;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** True when the bytes are valid UTF-8 (strict). */
export function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes bytes: with `forced`, in that encoding (the user's choice); else BOM → strict UTF-8 →
 * GB18030. A UTF-8 BOM is dropped from the text. `partial`: the bytes are a head cut from a longer
 * file, so an incomplete UTF-8 sequence at the very end is not a reason to fall back.
 */
export function decodeText(bytes: Uint8Array, forced?: TextEncoding, partial = false): DecodedText {
  const u16 = utf16Bom(bytes);
  // Excel's "Unicode text" (UTF-16 with BOM): reported as UTF-8, the app's name for "Unicode".
  if (u16 && !forced) return { text: new TextDecoder(u16).decode(bytes.subarray(2)), encoding: 'utf-8', detected: true };
  if (forced === 'gb18030') return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030', detected: false };
  const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
  if (forced === 'utf-8') return { text: new TextDecoder('utf-8').decode(body), encoding: 'utf-8', detected: false };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(partial ? trimPartialUtf8(body) : body);
    return { text, encoding: 'utf-8', detected: true };
  } catch {
    if (hasUtf8Bom(bytes)) return { text: new TextDecoder('utf-8').decode(body), encoding: 'utf-8', detected: true };
    return { text: new TextDecoder('gb18030').decode(partial ? trimPartialGb(bytes) : bytes), encoding: 'gb18030', detected: true };
  }
}

/** Drops an incomplete UTF-8 sequence (up to 3 bytes) at the end of a head of a file. */
function trimPartialUtf8(b: Uint8Array): Uint8Array {
  let i = b.length - 1;
  let k = 0;
  while (i >= 0 && k < 4 && (b[i] & 0xc0) === 0x80) {
    i--;
    k++;
  }
  if (i < 0) return b;
  const lead = b[i];
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return need > k + 1 ? b.subarray(0, i) : b;
}

/** Drops a lone lead byte of a GB18030 multi-byte character at the end of a head of a file. */
function trimPartialGb(b: Uint8Array): Uint8Array {
  let i = 0;
  let start = 0;
  while (i < b.length) {
    start = i;
    i += b[i] < 0x80 ? 1 : i + 1 < b.length && b[i + 1] >= 0x30 && b[i + 1] <= 0x39 ? 4 : 2;
  }
  return i === b.length ? b : b.subarray(0, start);
}

/**
 * True when the bytes look like a binary file rather than text: NUL bytes, or many control
 * characters, in the first 8 KB (text in any of our encodings has neither).
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if (utf16Bom(bytes)) return false;
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = bytes[i];
    if (c === 0) return true;
    if (c < 9 || (c > 13 && c < 32 && c !== 27)) control++;
  }
  return n > 0 && control / n > 0.05;
}

export const ENCODING_LABEL: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  gb18030: 'GBK / GB18030',
};
