import { THEMES } from '../data/themes';
import type { Rgb } from './types';

/**
 * Colours for imported layers, chosen far (in RGB) from the eight theme colours so an import is
 * never mistaken for a theme: dark and saturated hues the Okabe–Ito set leaves free.
 */
export const IMPORT_COLOURS: readonly Rgb[] = [
  [106, 61, 154], // violet
  [51, 51, 51], // charcoal
  [178, 24, 43], // crimson
  [0, 109, 44], // forest
  [140, 81, 10], // brown
  [0, 60, 130], // navy
  [231, 41, 138], // magenta
  [102, 166, 30], // lime
];

/** Euclidean distance in RGB, enough to keep palettes apart. */
export function rgbDistance(a: Rgb, b: Rgb): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

/** The first palette colour no existing layer uses; cycles when all are taken. */
export function nextColour(used: readonly Rgb[]): Rgb {
  const free = IMPORT_COLOURS.find((c) => !used.some((u) => rgbDistance(u, c) === 0));
  return free ?? IMPORT_COLOURS[used.length % IMPORT_COLOURS.length];
}

/** The smallest distance between an import colour and a theme colour (a test keeps it large). */
export function minDistanceToThemes(): number {
  return Math.min(...IMPORT_COLOURS.flatMap((c) => THEMES.map((t) => rgbDistance(c, t.color))));
}
