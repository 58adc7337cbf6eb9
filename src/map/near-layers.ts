import { GeoJsonLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import { radiusCircle } from '../near/near';
import { NO_DEPTH, UNDER_LABELS } from './project-layers';
import { IDENTITY, type DisplayTransform } from '../basemaps/display-crs';

/**
 * The chosen place and its radius: a translucent disc under the projects, and a marker. `center`
 * is WGS-84; both are drawn through `display`, where the base map has them.
 */
export function buildNearLayers(center: [number, number], radiusKm: number, scale = 1, display: DisplayTransform = IDENTITY): Layer[] {
  const circle = radiusCircle(center, radiusKm);
  return [
    new GeoJsonLayer({
      id: 'near-circle',
      data: [{ ...circle, geometry: display.geometry(circle.geometry) }],
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
      data: [display.toDisplay(center)],
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
