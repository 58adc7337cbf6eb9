import { rgbCss } from '../ui/dom';
import { type Lang } from '../i18n';
import type { LegendModel } from './legend-model';
import type { PageSpec } from './paper';
import { scaleBar, scaleRatio, type ScaleBar } from './scale-bar';
import { t } from './strings';

/** The app's font stack (style.css --font): system CJK fonts, nothing downloaded. */
export const PAGE_FONT = "'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', 'Source Han Sans SC', 'WenQuanYi Micro Hei', system-ui, sans-serif";

/** Everything on the page but the map image. */
export interface PageContent {
  lang: Lang;
  title: string;
  subtitle: string;
  date: string;
  legend: LegendModel;
  filters: string[];
  sources: string[];
}

type Rect = { x: number; y: number; w: number; h: number };

export interface PageLayout {
  /** Output pixels per millimetre of the page. */
  u: number;
  map: Rect;
  legend: Rect;
  filters: Rect;
  sourceLines: string[];
  footerY: number;
}

// Type sizes in millimetres of the page (3 mm ≈ 8.5 pt).
const SIZE = { title: 7, subtitle: 3.4, heading: 3.4, body: 3, small: 2.3 };
const LINE = 1.5;
const MARGIN = 10;
const GAP = 5;

const font = (mm: number, u: number, weight = 400) => `${weight} ${Math.round(mm * u)}px ${PAGE_FONT}`;

/** Splits text at spaces, and between any two CJK characters, to fill lines of `width`. */
export function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const tokens = text.match(/[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]|[^\s\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]+|\s+/g) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const tok of tokens) {
    const next = line + tok;
    if (line && ctx.measureText(next.trimEnd()).width > width) {
      lines.push(line.trimEnd());
      line = /^\s+$/.test(tok) ? '' : tok;
    } else line = next;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

function legendRows(m: LegendModel): number {
  const marks = Object.values(m.marks).filter(Boolean).length;
  return 1 + m.themes.length + marks + (m.datasets.length ? 1 + m.datasets.length : 0);
}

/**
 * Where everything goes. Landscape (and the slide): the map on the left, legend and filters in a
 * column on the right. Portrait: the map on top, legend and filters side by side beneath it.
 * The sources run along the foot of the page.
 */
export function layoutPage(spec: PageSpec, content: PageContent): PageLayout {
  const u = spec.widthPx / spec.widthMm;
  const W = spec.widthMm;
  const H = spec.heightMm;
  const measure = document.createElement('canvas').getContext('2d')!;
  measure.font = font(SIZE.small, u);
  const sourceText = `${t(content.lang, 'publishSources')}${content.lang === 'zh' ? '：' : ': '}${content.sources.join(' · ')}`;
  const sourceLines = wrap(measure, sourceText, (W - 2 * MARGIN) * u);
  const footerH = sourceLines.length * SIZE.small * LINE + 2;
  const top = MARGIN + SIZE.title * 1.35 + SIZE.subtitle * LINE + 2;
  const bottom = H - MARGIN - footerH;
  const rowMm = SIZE.body * LINE;
  if (spec.widthMm >= spec.heightMm) {
    const sideW = Math.min(90, Math.max(62, W * 0.23));
    const mapW = W - 2 * MARGIN - sideW - GAP;
    const legendH = legendRows(content.legend) * rowMm + 2;
    const side = { x: MARGIN + mapW + GAP, w: sideW };
    return {
      u,
      map: scale({ x: MARGIN, y: top, w: mapW, h: bottom - top }, u),
      legend: scale({ ...side, y: top, h: legendH }, u),
      filters: scale({ ...side, y: top + legendH + GAP, h: bottom - top - legendH - GAP }, u),
      sourceLines,
      footerY: (bottom + 2) * u,
    };
  }
  const colW = (W - 2 * MARGIN - GAP) / 2;
  measure.font = font(SIZE.body, u);
  const filterLines = content.filters.flatMap((l) => wrap(measure, l, colW * u)).length + 1;
  const blockH = Math.max(legendRows(content.legend), filterLines) * rowMm + 2;
  const mapH = bottom - top - blockH - GAP;
  return {
    u,
    map: scale({ x: MARGIN, y: top, w: W - 2 * MARGIN, h: mapH }, u),
    legend: scale({ x: MARGIN, y: top + mapH + GAP, w: colW, h: blockH }, u),
    filters: scale({ x: MARGIN + colW + GAP, y: top + mapH + GAP, w: colW, h: blockH }, u),
    sourceLines,
    footerY: (bottom + 2) * u,
  };
}

const scale = (r: Rect, u: number): Rect => ({ x: Math.round(r.x * u), y: Math.round(r.y * u), w: Math.round(r.w * u), h: Math.round(r.h * u) });

export interface MapOnPage {
  image: CanvasImageSource;
  /** Ground metres per output pixel at the map's centre. */
  metresPerPx: number;
  bearing: number;
}

/** Draws the whole page: title, map with scale bar and north arrow, legend, filters, sources, date. */
export function drawPage(spec: PageSpec, layout: PageLayout, content: PageContent, map: MapOnPage): HTMLCanvasElement {
  const { u } = layout;
  const canvas = document.createElement('canvas');
  canvas.width = spec.widthPx;
  canvas.height = spec.heightPx;
  // A CPU canvas: it is encoded once (PNG/PDF), and a GPU one would be read back for that.
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.textBaseline = 'alphabetic';
  const ink = '#23221f';
  const muted = '#5f5b52';
  const x0 = MARGIN * u;

  // Title, subtitle, date.
  ctx.fillStyle = ink;
  ctx.font = font(SIZE.title, u, 700);
  ctx.fillText(content.title, x0, (MARGIN + SIZE.title) * u, (spec.widthMm - 2 * MARGIN - 40) * u);
  ctx.font = font(SIZE.subtitle, u);
  ctx.fillStyle = muted;
  const subY = (MARGIN + SIZE.title * 1.35 + SIZE.subtitle * 1.1) * u;
  ctx.fillText(content.subtitle, x0, subY);
  ctx.textAlign = 'right';
  ctx.fillText(content.date, (spec.widthMm - MARGIN) * u, subY);
  ctx.textAlign = 'left';

  // The map, framed.
  const r = layout.map;
  ctx.drawImage(map.image, r.x, r.y, r.w, r.h);
  ctx.strokeStyle = '#5e5646';
  ctx.lineWidth = Math.max(1, 0.3 * u);
  ctx.strokeRect(r.x, r.y, r.w, r.h);
  drawScaleBar(ctx, u, r, scaleBar(map.metresPerPx, r.w * 0.28), scaleRatio(map.metresPerPx, spec.dpi), content.lang);
  drawNorthArrow(ctx, u, r, map.bearing, content.lang);

  drawLegend(ctx, u, layout.legend, content);
  drawFilters(ctx, u, layout.filters, content);

  // Sources and licences along the foot.
  ctx.font = font(SIZE.small, u);
  ctx.fillStyle = muted;
  layout.sourceLines.forEach((line, i) => ctx.fillText(line, x0, layout.footerY + (i + 0.85) * SIZE.small * LINE * u));
  return canvas;
}

function drawScaleBar(ctx: CanvasRenderingContext2D, u: number, r: Rect, bar: ScaleBar, ratio: number, lang: Lang): void {
  const pad = 2 * u;
  const x = r.x + 4 * u;
  const ratioText = t(lang, 'publishScaleNote', { n: ratio.toLocaleString('en-US').replace(/,/g, ' ') });
  ctx.font = font(SIZE.small, u);
  const boxW = Math.max(bar.px, ctx.measureText(ratioText).width) + 2 * pad;
  const boxH = (SIZE.body + SIZE.small) * LINE * u + 2.5 * u;
  const y = r.y + r.h - 4 * u - boxH;
  ctx.fillStyle = 'rgba(255,255,255,0.88)';
  ctx.fillRect(x, y, boxW, boxH);
  const barY = y + pad + SIZE.body * u + 1.2 * u;
  const barH = 1.2 * u;
  // Two halves, black and white, as on a printed map.
  ctx.fillStyle = '#23221f';
  ctx.fillRect(x + pad, barY, bar.px / 2, barH);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(x + pad + bar.px / 2, barY, bar.px / 2, barH);
  ctx.strokeStyle = '#23221f';
  ctx.lineWidth = Math.max(1, 0.25 * u);
  ctx.strokeRect(x + pad, barY, bar.px, barH);
  ctx.fillStyle = '#23221f';
  ctx.font = font(SIZE.body, u, 600);
  ctx.fillText('0', x + pad, barY - 0.8 * u);
  ctx.textAlign = 'right';
  ctx.fillText(bar.label, x + pad + bar.px, barY - 0.8 * u);
  ctx.textAlign = 'left';
  ctx.font = font(SIZE.small, u);
  ctx.fillText(ratioText, x + pad, barY + barH + SIZE.small * 1.2 * u);
}

function drawNorthArrow(ctx: CanvasRenderingContext2D, u: number, r: Rect, bearing: number, lang: Lang): void {
  const radius = 6 * u;
  const cx = r.x + r.w - 4 * u - radius;
  const cy = r.y + 4 * u + radius;
  ctx.save();
  ctx.fillStyle = 'rgba(255,255,255,0.88)';
  ctx.beginPath();
  ctx.arc(cx, cy, radius, 0, Math.PI * 2);
  ctx.fill();
  ctx.translate(cx, cy);
  // Bearing is the compass direction the top of the map faces: north lies that far anticlockwise.
  ctx.rotate((-bearing * Math.PI) / 180);
  const a = radius * 0.78;
  ctx.fillStyle = '#9b2c1f';
  ctx.beginPath();
  ctx.moveTo(0, -a);
  ctx.lineTo(a * 0.38, a * 0.15);
  ctx.lineTo(0, 0);
  ctx.closePath();
  ctx.fill();
  ctx.fillStyle = '#23221f';
  ctx.beginPath();
  ctx.moveTo(0, -a);
  ctx.lineTo(-a * 0.38, a * 0.15);
  ctx.lineTo(0, 0);
  ctx.closePath();
  ctx.fill();
  ctx.font = font(SIZE.body, u, 700);
  ctx.textAlign = 'center';
  ctx.fillText(lang === 'zh' ? '北' : 'N', 0, a * 0.8 + SIZE.body * 0.35 * u);
  ctx.restore();
}

function heading(ctx: CanvasRenderingContext2D, u: number, r: { x: number; y: number }, text: string): number {
  ctx.fillStyle = '#9b2c1f';
  ctx.fillRect(r.x, r.y + 0.3 * u, 0.9 * u, SIZE.heading * 1.15 * u);
  ctx.fillStyle = '#23221f';
  ctx.font = font(SIZE.heading, u, 700);
  ctx.fillText(text, r.x + 2 * u, r.y + SIZE.heading * u);
  return r.y + SIZE.body * LINE * u;
}

function drawLegend(ctx: CanvasRenderingContext2D, u: number, r: Rect, c: PageContent): void {
  const m = c.legend;
  const row = SIZE.body * LINE * u;
  const s = SIZE.body * u;
  let y = heading(ctx, u, r, t(c.lang, 'publishLegend'));
  const label = (text: string, yy: number) => {
    ctx.fillStyle = '#23221f';
    ctx.font = font(SIZE.body, u);
    ctx.fillText(text, r.x + s * 1.8, yy + s * 0.85, r.w - s * 1.8);
  };
  for (const th of m.themes) {
    ctx.fillStyle = rgbCss(th.color);
    ctx.fillRect(r.x + s * 0.1, y + s * 0.1, s * 0.9, s * 0.9);
    label(c.lang === 'zh' ? th.zh : th.en, y);
    y += row;
  }
  const cx = r.x + s * 0.55;
  const circle = (yy: number, fill: string, stroke: string, width: number, dash: number[] = []) => {
    ctx.beginPath();
    ctx.arc(cx, yy + s * 0.55, s * 0.42, 0, Math.PI * 2);
    ctx.fillStyle = fill;
    ctx.fill();
    ctx.setLineDash(dash);
    ctx.strokeStyle = stroke;
    ctx.lineWidth = width;
    ctx.stroke();
    ctx.setLineDash([]);
  };
  if (m.marks.notStarted) {
    circle(y, '#ffffff', '#555555', 0.35 * u, [0.7 * u, 0.45 * u]);
    label(t(c.lang, 'legendNotStarted'), y);
    y += row;
  }
  if (m.marks.building) {
    circle(y, '#666666', '#222222', 0.15 * u);
    label(t(c.lang, 'legendBuilding'), y);
    y += row;
  }
  if (m.marks.done) {
    circle(y, '#666666', '#ffffff', 0.45 * u);
    ctx.beginPath();
    ctx.arc(cx, y + s * 0.55, s * 0.42 + 0.35 * u, 0, Math.PI * 2);
    ctx.strokeStyle = '#999999';
    ctx.lineWidth = 0.15 * u;
    ctx.stroke();
    label(t(c.lang, 'legendDone'), y);
    y += row;
  }
  if (m.marks.link) {
    ctx.setLineDash([0.9 * u, 0.6 * u]);
    ctx.strokeStyle = 'rgb(213,94,0)';
    ctx.lineWidth = 0.5 * u;
    ctx.beginPath();
    ctx.moveTo(r.x, y + s * 0.55);
    ctx.lineTo(r.x + s * 1.2, y + s * 0.55);
    ctx.stroke();
    ctx.setLineDash([]);
    label(t(c.lang, 'legendLink'), y);
    y += row;
  }
  if (m.marks.precision) {
    circle(y, 'rgba(120,120,120,0.12)', '#888888', 0.25 * u);
    label(t(c.lang, 'legendPrecision'), y);
    y += row;
  }
  if (m.datasets.length) {
    ctx.fillStyle = '#5f5b52';
    ctx.font = font(SIZE.body, u, 700);
    ctx.fillText(t(c.lang, 'publishDatasets'), r.x, y + s * 0.85);
    y += row;
    for (const d of m.datasets) {
      circle(y, d.colour, '#333333', 0.15 * u);
      label(d.count !== undefined ? `${d.name} (${d.count})` : d.name, y);
      y += row;
    }
  }
}

function drawFilters(ctx: CanvasRenderingContext2D, u: number, r: Rect, c: PageContent): void {
  let y = heading(ctx, u, r, t(c.lang, 'publishFilters'));
  ctx.font = font(SIZE.body, u);
  ctx.fillStyle = '#23221f';
  const row = SIZE.body * LINE * u;
  for (const line of c.filters.flatMap((l) => wrap(ctx, l, r.w))) {
    if (y + row > r.y + r.h + row * 0.2) break;
    ctx.fillText(line, r.x, y + SIZE.body * 0.85 * u);
    y += row;
  }
}
