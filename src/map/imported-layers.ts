import { GeoJsonLayer, ScatterplotLayer } from '@deck.gl/layers';
import { DataFilterExtension, PathStyleExtension } from '@deck.gl/extensions';
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { DataFilterExtensionProps } from '@deck.gl/extensions';
import type { ImportDataset } from '../datasets/types';
import { importedFeatureId, importedPointsLayerId, parseFeatureId } from '../datasets/types';
import { importedIndex } from '../datasets/imported-filter';
import { NO_DEPTH, UNDER_LABELS } from './project-layers';
import { ImportedPointsLayer } from './imported-points-layer';
import type { DisplayTransform } from '../basemaps/display-crs';

/**
 * A DataFilterExtension whose category values are bit numbers already (0–31), so the per-row
 * categories can be handed to the GPU as one typed array (no per-row transform, no object per
 * row). Same options as the project layers' filter, hence the same shader program.
 */
class CodeFilterExtension extends DataFilterExtension {
  static override extensionName = 'CodeFilterExtension';
  override _getCategoryKey(this: Layer<DataFilterExtensionProps>, category: unknown): number {
    return Number(category);
  }
}
const codeFilter = new CodeFilterExtension({ filterSize: 0, categorySize: 4 });
// Present so the layers compile to the same programs as the project layers (it is a no-op on points).
const dash = new PathStyleExtension({ dash: true, offset: true });

/** What the imported layers need from the filters: the per-row categories and the allowed ones. */
export interface ImportedLayerInput {
  dataset: ImportDataset;
  /** Four bytes per row (see gpuCategories); a new array only when the search changes. */
  categories: Uint8Array;
  /** Allowed categories per channel for points, and for lines/areas. */
  pointCategories: number[][];
  shapeCategories: number[][];
}

export interface ImportedLayerState {
  selectedId: string | null;
  scale: number;
  /** How the base map draws WGS-84 positions: the layers are shifted with it on a GCJ-02/BD-09 map. */
  display: DisplayTransform;
}

/** Above this many points a layer is drawn as small dots without the white ring (see pointStyle). */
export const DENSE_POINTS = 20_000;

/**
 * Size and outline of an imported layer's points (pixels, before the presentation scale). A few
 * thousand points are markers with a white ring; tens of thousands and more are small dots in the
 * layer's colour: with white rings, neighbours covered each other's fill and a dense layer read as
 * a white block, and every pixel a point covers is work for a software-drawn map (4.5 px markers
 * made each frame of 200,000 points take seconds there).
 */
export function pointStyle(count: number): { radius: number; lineWidth: number; ring: boolean } {
  return count > DENSE_POINTS ? { radius: 2, lineWidth: 1, ring: false } : { radius: 4.5, lineWidth: 1.5, ring: true };
}

/** Solid, centred lines (the path-style props every layer with `dash` needs). */
const PATH_STYLE = { getDashArray: [0, 0], getOffset: 0, parameters: NO_DEPTH, beforeId: UNDER_LABELS };

type ShapeFeature = GeoJSON.Feature<GeoJSON.Geometry, { index: number }>;
const shapeCache = new WeakMap<object, ShapeFeature[]>();
function shapes(d: ImportDataset): ShapeFeature[] {
  let s = shapeCache.get(d.data);
  if (!s) {
    s = [];
    const g = d.data.geometries;
    if (g) for (let i = 0; i < g.length; i++) if (g[i] && importedIndex(d.data).kind[i]) s.push({ type: 'Feature', geometry: g[i]!, properties: { index: i } });
    shapeCache.set(d.data, s);
  }
  return s;
}

/** What every imported points layer shares, the warm-up's included: it decides their program and draw parameters. */
const POINT_PROPS = {
  parameters: NO_DEPTH,
  beforeId: UNDER_LABELS,
  pickable: true,
  autoHighlight: true,
  highlightColor: [255, 214, 0, 255] as [number, number, number, number],
  filter: codeFilter,
};

/**
 * The layers of the imported datasets: points as dots in slices (imported-points-layer.ts) fed with binary
 * attributes (a million points cost a few typed arrays), lines and areas as a GeoJsonLayer, and the
 * chosen feature marked. Filtering runs on the GPU like the project layers'.
 */
export function buildImportedLayers(
  inputs: ImportedLayerInput[],
  state: ImportedLayerState,
  onHover: (id: string | null) => void,
  onClick: (id: string | null) => void,
): Layer[] {
  const s = state.scale;
  const layers: Layer[] = [];
  for (const input of inputs) {
    const d = input.dataset;
    const id = d.id;
    const pick = (info: PickingInfo) => (info.index >= 0 ? importedFeatureId(id, info.index) : null);
    const shapeData = state.display.features(shapes(d));
    if (shapeData.length) {
      const cats = input.categories;
      layers.push(new GeoJsonLayer<{ index: number }>({
        id: `import-shapes-${id}`,
        data: shapeData,
        visible: d.visible,
        filled: true,
        stroked: true,
        getFillColor: [...d.colour, 60],
        getLineColor: [...d.colour, 230],
        getLineWidth: 2.5 * s,
        lineWidthUnits: 'pixels',
        ...PATH_STYLE,
        pickable: true,
        extensions: [codeFilter, dash],
        getFilterCategory: (f: ShapeFeature) => {
          const o = f.properties.index * 4;
          return [cats[o], cats[o + 1], cats[o + 2], cats[o + 3]];
        },
        filterCategories: input.shapeCategories,
        updateTriggers: { getFilterCategory: cats, getFillColor: d.colour, getLineColor: d.colour },
        onHover: (info: PickingInfo<ShapeFeature>) => onHover(info.object ? importedFeatureId(id, info.object.properties.index) : null),
        onClick: (info: PickingInfo<ShapeFeature>) => onClick(info.object ? importedFeatureId(id, info.object.properties.index) : null),
      } as never));
    }
    if (importedIndex(d.data).points > 0) {
      const style = pointStyle(importedIndex(d.data).points);
      // Dots, not the scatter layer's instanced quads: see dot-layer.ts (software WebGL).
      layers.push(new ImportedPointsLayer({
        id: importedPointsLayerId(id),
        positions: state.display.positions(d.data.positions),
        hollow: d.data.approx,
        categories: input.categories,
        visible: d.visible,
        // Surveyed points: filled, with a white ring on markers; approximate ones hollow (dot-layer.ts).
        fillColor: [...d.colour, 230],
        lineColor: style.ring ? [255, 255, 255, 255] : [...d.colour, 255],
        // The ring straddles the edge, as the scatter layer's did.
        radiusPixels: (style.radius - style.lineWidth / 2) * s,
        lineWidthPixels: style.lineWidth * s,
        ...POINT_PROPS,
        filterCategories: input.pointCategories,
        onHover: (info: PickingInfo) => onHover(pick(info)),
        onClick: (info: PickingInfo) => onClick(pick(info)),
      }));
    }
  }
  const sel = parseFeatureId(state.selectedId);
  const chosen = sel && inputs.find((i) => i.dataset.id === sel.datasetId && i.dataset.visible);
  if (chosen && sel && sel.index < chosen.dataset.data.count) {
    const p = chosen.dataset.data.positions;
    layers.push(new ScatterplotLayer({
      id: 'import-selected',
      data: [{ position: state.display.toDisplay([p[sel.index * 2], p[sel.index * 2 + 1]]) }],
      getPosition: (o: { position: [number, number] }) => o.position,
      filled: false,
      stroked: true,
      radiusUnits: 'pixels',
      lineWidthUnits: 'pixels',
      getRadius: 10 * s,
      getLineWidth: 3 * s,
      getLineColor: [...chosen.dataset.colour, 255],
      parameters: NO_DEPTH,
      pickable: false,
      extensions: [codeFilter, dash],
      filterEnabled: false,
      getFilterCategory: () => [0, 0, 0, 0],
      filterCategories: [[0], [0], [0], [0]],
    } as never));
  }
  return layers;
}

/** Its props never change, so deck.gl matches it on every render and does no work for it. */
const WARM_UP = {
  id: 'import-points-warm-up',
  positions: new Float64Array(0),
  hollow: new Uint8Array(0),
  categories: new Uint8Array(0),
  fillColor: [0, 0, 0, 0] as [number, number, number, number],
  lineColor: [0, 0, 0, 0] as [number, number, number, number],
  radiusPixels: 1,
  lineWidthPixels: 1,
  ...POINT_PROPS,
  filterCategories: [[0], [0], [0], [0]],
};

/**
 * An empty, hidden layer of imported points, with the same program, vertex layout and draw
 * parameters as theirs. Added once the page has settled, it has the program linked and inspected
 * while nobody waits (see DotLayer's _postUpdate), instead of in the frame that first draws an
 * import: both are synchronous in software WebGL and wait for all the GPU has queued.
 */
export function importedPointsWarmUp(): Layer {
  return new ImportedPointsLayer({ ...WARM_UP, data: null, visible: false } as never);
}
