import type { Layer } from '@deck.gl/core';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Link, Project } from '../data/projects';
import { type Lang } from '../i18n';
import type { AppState } from '../state/app-state';
import { mapAttributions } from './attribution';
import { drawPage, layoutPage, type PageContent } from './compose';
import { fileName, isoDate } from './file-name';
import { filtersInWords, legendModel } from './legend-model';
import { pageSpec, type ExportFormat, type Orientation, type PaperKey, type Target } from './paper';
import { renderMap } from './render-map';
import { metresPerCssPixel } from './scale-bar';
import { t } from './strings';

export interface ExportOptions {
  title: string;
  format: ExportFormat;
  target: Target;
  paper: PaperKey;
  orientation: Orientation;
}

export interface ExportSources {
  map: MapLibreMap;
  layers: Layer[];
  state: AppState;
  projects: Project[];
  links: Link[];
  lang: Lang;
}

export interface ExportResult {
  blob: Blob;
  name: string;
  width: number;
  height: number;
  /** Set when the GPU could not draw the map part at full resolution. */
  cappedNote: string | null;
}

/**
 * [west, south, east, north] a map of `w` × `h` CSS pixels shows (Web Mercator, 512-px tiles).
 * Rotated or tilted, the circle round the map is used: a little more than is seen, never less.
 */
export function viewBounds(center: [number, number], zoom: number, w: number, h: number, bearing: number, pitch: number): [number, number, number, number] {
  const world = 512 * 2 ** zoom;
  const x = ((center[0] + 180) / 360) * world;
  const y = ((1 - Math.log(Math.tan(Math.PI / 4 + (center[1] * Math.PI) / 360)) / Math.PI) / 2) * world;
  const round = Math.abs(bearing) > 0.01 || pitch > 0.01;
  const hx = round ? Math.hypot(w, h) / 2 * (1 + pitch / 30) : w / 2;
  const hy = round ? hx : h / 2;
  const lon = (px: number) => (px / world) * 360 - 180;
  const lat = (py: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * py) / world))) * 180) / Math.PI;
  return [lon(x - hx), lat(y + hy), lon(x + hx), lat(y - hy)];
}

/**
 * The current view as a finished page: the map drawn again at the page's resolution (deck.gl
 * layers included), title, legend of what is visible, filters in words, scale bar, north arrow,
 * sources and date; as PNG, or as a one-page PDF of the paper size carrying that image.
 */
export async function exportImage(src: ExportSources, opts: ExportOptions): Promise<ExportResult> {
  const { map, state, lang } = src;
  const spec = pageSpec(opts.target, opts.paper, opts.orientation);
  const date = isoDate();
  const live = map.getCanvas();
  const liveW = live.clientWidth || live.width;
  const liveH = live.clientHeight || live.height;
  const c = map.getCenter();
  const b = map.getBounds();
  const contentFor = (legendBounds: [number, number, number, number]): PageContent => ({
    lang,
    title: opts.title.trim() || t(lang, 'title'),
    subtitle: t(lang, 'subtitle'),
    date,
    legend: legendModel(src.projects, src.links, state.filters, state.selectedId, legendBounds, state),
    filters: filtersInWords(src.projects, state.filters, state.selectedId, lang),
    sources: [...mapAttributions(map), t(lang, 'publishData')],
  });
  // The legend lists what lies in the exported map, whose size depends on the legend's length:
  // start from the screen's bounds, then use the bounds of the map as laid out on the page.
  let content = contentFor([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]);
  // CSS pixels as on a 96-dpi screen, so labels and lines print at the size they have on screen.
  const pixelRatio = spec.dpi / 96;
  // Show at least what the screen shows: the zoom that fits the screen's view into the page's map.
  const zoomFor = (r: { w: number; h: number }) => map.getZoom() + Math.log2(Math.min(r.w / pixelRatio / liveW, r.h / pixelRatio / liveH));
  let layout = layoutPage(spec, content);
  content = contentFor(viewBounds([c.lng, c.lat], zoomFor(layout.map), layout.map.w / pixelRatio, layout.map.h / pixelRatio, map.getBearing(), map.getPitch()));
  layout = layoutPage(spec, content);
  const shot = await renderMap(map, src.layers, {
    width: layout.map.w, height: layout.map.h, pixelRatio, center: [c.lng, c.lat], zoom: zoomFor(layout.map), bearing: map.getBearing(), pitch: map.getPitch(),
  });
  const metresPerPx = metresPerCssPixel(c.lat, shot.zoom) / pixelRatio;
  const page = drawPage(spec, layout, content, { image: shot.canvas, metresPerPx, bearing: shot.bearing });
  const cappedNote = shot.cappedAt ? t(lang, 'exportCapped', { max: shot.cappedAt, dpi: Math.round(shot.pixelRatio * 96) }) : null;
  const name = fileName(content.title, date, opts.format);
  if (opts.format === 'png') {
    const blob = await new Promise<Blob>((resolve, reject) => page.toBlob((bl) => (bl ? resolve(bl) : reject(new Error('PNG encoding failed'))), 'image/png'));
    return { blob, name, width: page.width, height: page.height, cappedNote };
  }
  const { jsPDF } = await import('jspdf');
  const pdf = new jsPDF({ orientation: spec.widthMm >= spec.heightMm ? 'landscape' : 'portrait', unit: 'mm', format: spec.pdfFormat, compress: true });
  pdf.setProperties({ title: content.title, subject: t(lang, 'subtitle'), creator: t(lang, 'title') });
  // jsPDF's own fonts have no Chinese: every word is in the 300-dpi raster, crisp when printed.
  pdf.addImage(page, 'PNG', 0, 0, spec.widthMm, spec.heightMm, undefined, 'FAST');
  return { blob: pdf.output('blob'), name, width: page.width, height: page.height, cappedNote };
}
