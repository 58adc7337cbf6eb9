import { GeoJsonLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import { radiusCircle } from '../near/near';
import { NO_DEPTH, UNDER_LABELS } from './project-layers';

/** The chosen place and its radius: a translucent disc under the projects, and a marker. */
export function buildNearLayers(center: [number, number], radiusKm: number, scale = 1): Layer[] {
  return [
    new GeoJsonLayer({
      id: 'near-circle',
      data: [radiusCircle(center, radiusKm)],
      filled: true,
      stroked: true,
      getFillColor: [26, 95, 153, 28],
      getLineColor: [26, 95, 153, 200],
      getLineWidth: 2 * scale,
      lineWidthUnits: 'pixels',
      pickable: false,
      parameters: NO_DEPTH,
      // Read by MapLibreOverlay (interleaved), not part of deck.gl's layer prop types.
      ...({ beforeId: UNDER_LABELS } as object),
    }),
    new ScatterplotLayer<[number, number]>({
      id: 'near-point',
      data: [center],
      getPosition: (d) => d,
      getRadius: 8 * scale,
      radiusUnits: 'pixels',
      getFillColor: [26, 95, 153, 255],
      getLineColor: [255, 255, 255, 255],
      stroked: true,
      getLineWidth: 3 * scale,
      lineWidthUnits: 'pixels',
      pickable: false,
      parameters: NO_DEPTH,
      // Read by MapLibreOverlay (interleaved), not part of deck.gl's layer prop types.
      ...({ beforeId: UNDER_LABELS } as object),
    }),
  ];
}
