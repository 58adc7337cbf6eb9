/**
 * Output sizes of an exported map. Paper is measured in millimetres and rendered at 300 dpi; the
 * slide is a 16:9 PowerPoint page (13.333 × 7.5 in) rendered 3840 px wide (288 dpi), 4K for slides.
 */
export type PaperKey = 'a4' | 'a3';
export type Orientation = 'landscape' | 'portrait';
export type ExportFormat = 'png' | 'pdf';
export type Target = 'print' | 'slide';

export interface PageSpec {
  /** Page size in millimetres. */
  widthMm: number;
  heightMm: number;
  /** Pixels per inch of the raster. */
  dpi: number;
  /** Raster size in pixels. */
  widthPx: number;
  heightPx: number;
  /** jsPDF format name for paper, or [w, h] in mm for the slide. */
  pdfFormat: PaperKey | [number, number];
}

const PAPER_MM: Record<PaperKey, [number, number]> = { a4: [210, 297], a3: [297, 420] };
export const PRINT_DPI = 300;
const SLIDE_IN: [number, number] = [40 / 3, 7.5];
export const SLIDE_WIDTH_PX = 3840;

const mmToPx = (mm: number, dpi: number) => Math.round((mm / 25.4) * dpi);

/** The page to render: paper at 300 dpi, or the 4K slide. */
export function pageSpec(target: Target, paper: PaperKey, orientation: Orientation): PageSpec {
  if (target === 'slide') {
    const dpi = SLIDE_WIDTH_PX / SLIDE_IN[0];
    const [w, h] = SLIDE_IN.map((i) => i * 25.4);
    return { widthMm: w, heightMm: h, dpi, widthPx: SLIDE_WIDTH_PX, heightPx: Math.round(SLIDE_IN[1] * dpi), pdfFormat: [w, h] };
  }
  const [short, long] = PAPER_MM[paper];
  const [w, h] = orientation === 'landscape' ? [long, short] : [short, long];
  return { widthMm: w, heightMm: h, dpi: PRINT_DPI, widthPx: mmToPx(w, PRINT_DPI), heightPx: mmToPx(h, PRINT_DPI), pdfFormat: paper };
}
