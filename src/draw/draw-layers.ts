import { GeoJsonLayer } from '@deck.gl/layers';
import { PathStyleExtension } from '@deck.gl/extensions';
import type { Layer } from '@deck.gl/core';
import type { Correction, Sketch } from './records';
import type { DisplayTransform } from './draw-engine';
import type { Drawings } from './draw-mode';

type Rgba = [number, number, number, number];
const NO_DEPTH = { depthCompare: 'always', depthWriteEnabled: false } as const;
/** Corrections: magenta, a colour no theme uses, so an unreviewed location is never mistaken for data. */
const CORRECTION: Rgba = [194, 24, 91, 255];
const SKETCH: Rgba = [57, 73, 171, 255];
const dashed = new PathStyleExtension({ dash: true });

type Pos = [number, number];
/** Any geometry's coordinates through the display transform (WGS-84 → base map CRS). */
export function toDisplayGeometry(g: GeoJSON.Geometry, t: DisplayTransform): GeoJSON.Geometry {
  const map = (c: unknown): unknown => (typeof (c as number[])[0] === 'number' ? t.toDisplay(c as Pos) : (c as unknown[]).map(map));
  return g.type === 'GeometryCollection' ? g : ({ type: g.type, coordinates: map(g.coordinates) } as GeoJSON.Geometry);
}

const feature = (g: GeoJSON.Geometry, t: DisplayTransform, properties: Record<string, unknown> = {}): GeoJSON.Feature => ({ type: 'Feature', geometry: toDisplayGeometry(g, t), properties });

/**
 * Unreviewed corrections: the original location veiled in white (so it reads faint beside the
 * correction), the new one in magenta with a dashed outline. `hideId`: the one being edited,
 * which terra-draw shows meanwhile.
 */
export function buildCorrectionLayers(list: readonly Correction[], t: DisplayTransform, hideId: string | null): Layer[] {
  const shown = list.filter((c) => c.id !== hideId);
  if (!shown.length) return [];
  return [
    new GeoJsonLayer({
      id: 'correction-original-veil',
      data: shown.map((c) => feature(c.old_geometry, t)),
      filled: true, stroked: true,
      getFillColor: [255, 255, 255, 150], getLineColor: [255, 255, 255, 190],
      getLineWidth: 7, lineWidthUnits: 'pixels',
      pointType: 'circle', getPointRadius: 10, pointRadiusUnits: 'pixels',
      pickable: false, parameters: NO_DEPTH,
    }),
    new GeoJsonLayer({
      id: 'correction-shapes',
      data: shown.filter((c) => !c.geometry.type.endsWith('Point')).map((c) => feature(c.geometry, t, { id: c.id })),
      filled: true, stroked: true,
      getFillColor: [CORRECTION[0], CORRECTION[1], CORRECTION[2], 50], getLineColor: CORRECTION,
      getLineWidth: 3, lineWidthUnits: 'pixels',
      // Dashed: "not yet reviewed".
      getDashArray: [4, 2], dashJustified: true, extensions: [dashed],
      pickable: false, parameters: NO_DEPTH,
    }),
    new GeoJsonLayer({
      id: 'correction-points',
      data: shown.filter((c) => c.geometry.type.endsWith('Point')).map((c) => feature(c.geometry, t, { id: c.id })),
      filled: true, stroked: true,
      getFillColor: CORRECTION, getLineColor: [255, 255, 255, 255],
      getLineWidth: 3, lineWidthUnits: 'pixels',
      pointType: 'circle', getPointRadius: 8, pointRadiusUnits: 'pixels',
      pickable: false, parameters: NO_DEPTH,
    }),
  ];
}

/** 我的标注: indigo lines (teal would read as 生态文明), areas and points above the projects. `hideId`: the sketch being edited. */
export function buildSketchLayers(list: readonly Sketch[], t: DisplayTransform, hideId: string | null): Layer[] {
  const shown = list.filter((s) => s.id !== hideId);
  if (!shown.length) return [];
  return [
    new GeoJsonLayer({
      id: 'sketches',
      data: shown.map((s) => feature(s.geometry, t, { id: s.id })),
      filled: true, stroked: true,
      getFillColor: [SKETCH[0], SKETCH[1], SKETCH[2], 45], getLineColor: SKETCH,
      getLineWidth: 3, lineWidthUnits: 'pixels',
      pointType: 'circle', getPointRadius: 7, pointRadiusUnits: 'pixels',
      pickable: false, parameters: NO_DEPTH,
    }),
  ];
}

/** Every drawing layer for what draw-mode says is shown: sketches, then corrections above them. */
export function buildDrawingLayers(d: Drawings): Layer[] {
  return [...buildSketchLayers(d.sketches, d.transform, d.editingSketchId), ...buildCorrectionLayers(d.corrections, d.transform, d.editingCorrectionId)];
}
