/**
 * A scale bar for the exported map, from the exported zoom and latitude (not the screen's): Web
 * Mercator with MapLibre's 512-px tiles. True at the map's centre; Mercator stretches it away
 * from there, by about 1 % over Jingzhou's 1.3° of latitude.
 */

const EARTH_CIRCUMFERENCE_M = 40_075_016.686;

/** Ground metres per CSS pixel at `lat` and `zoom`. */
export function metresPerCssPixel(lat: number, zoom: number): number {
  return (EARTH_CIRCUMFERENCE_M * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
}

export interface ScaleBar {
  /** Round ground length the bar stands for. */
  metres: number;
  /** Bar length in output pixels. */
  px: number;
  /** "5 km", "500 m". */
  label: string;
}

/** The longest round length (1, 2 or 5 × 10ⁿ m) whose bar fits in `maxPx` output pixels. */
export function scaleBar(metresPerPx: number, maxPx: number): ScaleBar {
  const maxM = metresPerPx * maxPx;
  const pow = 10 ** Math.floor(Math.log10(maxM));
  const metres = [5, 2, 1].map((k) => k * pow).find((m) => m <= maxM) ?? pow;
  return { metres, px: metres / metresPerPx, label: metres >= 1000 ? `${metres / 1000} km` : `${metres} m` };
}

/** The representative fraction, rounded to 2 significant digits: 1 : 250 000. */
export function scaleRatio(metresPerPx: number, dpi: number): number {
  const n = metresPerPx / (0.0254 / dpi);
  const pow = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / pow) * pow;
}
