import { CompositeLayer, type Color, type CompositeLayerProps, type DefaultProps, type Layer, type LayerExtension, type PickingInfo, type UpdateParameters } from '@deck.gl/core';
import { DotLayer } from './dot-layer';

/**
 * Rows per slice. A slice is uploaded to the GPU in a frame of its own: 21 bytes a row (positions
 * split in high and low parts, the filter's four category bytes, the hollow flag), so about
 * 1.4 MB and a few tens of milliseconds on a software-drawn map, where one upload of a million
 * rows held the page for a quarter of a second.
 */
export const SLICE_ROWS = 1 << 16;

export interface ImportedPointsProps extends CompositeLayerProps {
  /** Longitude, latitude per row, as drawn (already shifted onto the base map's system). */
  positions: Float64Array;
  /** 1 where the row's place is approximate (drawn hollow). */
  hollow: Uint8Array;
  /** The data filter's four category bytes per row (see gpuCategories). */
  categories: Uint8Array;
  filterCategories: number[][];
  fillColor: Color;
  lineColor: Color;
  radiusPixels: number;
  lineWidthPixels: number;
  /** The filter extension the dots use (shared with the other layers, so one program). */
  filter: LayerExtension;
  /** Where the layer sits among the base map's layers (MapLibreOverlay, interleaved). */
  beforeId?: string;
}

interface Slice {
  length: number;
  attributes: Record<string, { value: ArrayBufferView; size: number }>;
}

const defaultProps: DefaultProps<ImportedPointsProps> = {
  positions: { type: 'object', value: new Float64Array(0), compare: true },
  hollow: { type: 'object', value: new Uint8Array(0), compare: true },
  categories: { type: 'object', value: new Uint8Array(0), compare: true },
};

/**
 * An imported layer's points as dots, in slices of {@link SLICE_ROWS} rows uploaded one per frame,
 * so the page stays responsive while they arrive; the points show once all are there. A pick's
 * `index` is the row in the whole dataset.
 */
export class ImportedPointsLayer extends CompositeLayer<ImportedPointsProps> {
  static override layerName = 'ImportedPointsLayer';
  static override defaultProps = defaultProps;

  declare state: { slices: Slice[]; shown: number; timer: ReturnType<typeof setTimeout> | null };

  override initializeState(): void {
    this.state = { slices: [], shown: 0, timer: null };
  }

  override updateState({ props, oldProps }: UpdateParameters<this>): void {
    const rowsChanged = props.positions !== oldProps.positions || props.hollow !== oldProps.hollow;
    if (!rowsChanged && props.categories === oldProps.categories) return;
    const n = props.hollow.length;
    const slices: Slice[] = [];
    // An empty layer still has one (empty) slice: the warm-up's dots must exist for their program to be readied.
    for (let a = 0; a < n || a === 0; a += SLICE_ROWS) {
      const b = Math.min(n, a + SLICE_ROWS);
      // Views, not copies: deck.gl uploads each slice's part of the arrays.
      slices.push({
        length: b - a,
        attributes: {
          getPosition: { value: props.positions.subarray(2 * a, 2 * b), size: 2 },
          getHollow: { value: props.hollow.subarray(a, b), size: 1 },
          filterCategoryValues: { value: props.categories.subarray(4 * a, 4 * b), size: 4 },
        },
      });
    }
    // New rows arrive slice by slice; new categories for the same rows replace every slice at once
    // (a filter change: 4 bytes a row, already on screen).
    const shown = rowsChanged ? Math.min(1, slices.length) : slices.length;
    this.setState({ slices, shown });
  }

  /** Loaded once every slice is on the map (deck.gl's own test covers the slices added so far). */
  override get isLoaded(): boolean {
    return super.isLoaded && !!this.state && this.state.shown >= this.state.slices.length;
  }

  override finalizeState(context: Parameters<CompositeLayer['finalizeState']>[0]): void {
    if (this.state.timer) clearTimeout(this.state.timer);
    super.finalizeState(context);
  }

  /** One more slice after the frame that drew these, once the page has had its turn. */
  private scheduleNext(): void {
    if (this.state.timer || this.state.shown >= this.state.slices.length) return;
    this.state.timer = setTimeout(() => {
      this.state.timer = null;
      this.setState({ shown: Math.min(this.state.slices.length, this.state.shown + 1) });
      this.setNeedsUpdate();
    }, 0);
  }

  /** Only the slice under the pointer highlights: the others have their own rows at that local index. */
  protected override _updateAutoHighlight(info: PickingInfo): void {
    for (const layer of this.getSubLayers()) layer.updateAutoHighlight(layer === info.sourceLayer ? info : { ...info, picked: false });
  }

  override getPickingInfo({ info, sourceLayer }: { info: PickingInfo; sourceLayer: Layer | null }): PickingInfo {
    const offset = (sourceLayer?.props as { rowOffset?: number } | undefined)?.rowOffset;
    if (offset !== undefined && info.index >= 0) info.index += offset;
    return info;
  }

  override renderLayers(): Layer[] {
    this.scheduleNext();
    const p = this.props;
    // Hidden until every slice is uploaded: a software-drawn map spends ~0.5 s of GPU time per
    // frame on a million dots, so drawing the slices as they came made the upload frames wait on it
    // (~11 s after the report for a million rows, against ~4 s uploading alone).
    const visible = p.visible && this.state.shown >= this.state.slices.length;
    return this.state.slices.slice(0, this.state.shown).map((data, s) => new DotLayer(this.getSubLayerProps({
      id: `slice-${s}`,
      data,
      visible,
      rowOffset: s * SLICE_ROWS,
      fillColor: p.fillColor,
      lineColor: p.lineColor,
      radiusPixels: p.radiusPixels,
      lineWidthPixels: p.lineWidthPixels,
      parameters: p.parameters,
      pickable: p.pickable,
      autoHighlight: p.autoHighlight,
      highlightColor: p.highlightColor,
      extensions: [p.filter],
      filterCategories: p.filterCategories,
    }) as never));
  }
}
