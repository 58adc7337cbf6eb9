import type { DrawMode } from '../draw/draw-mode';
import type { PresentMode } from '../modes/present-mode';
import type { Publish } from '../publish';
import { h } from '../ui/dom';
import { IDENTITY } from '../basemaps/display-crs';

/*
 * Stand-ins for the modes that draw on the map, used when the device cannot draw it (no WebGL,
 * see no-webgl.ts). Each does nothing and offers no control, so app.ts wires one shape either way
 * and the list, details, import and downloads go on working.
 */

/** Nothing to present on: its button is not shown. */
export const maplessPresent: PresentMode = { enter: () => {}, leave: () => {}, relabel: () => {}, scale: () => 1 };

/** Export image and embed both show the map: no buttons. */
export const maplessPublish: Publish = { controls: () => [], update: () => {} };

/** Measuring, sketching and correcting happen on the map: no toolbar, no layers, no section. */
export const maplessDraw: DrawMode = {
  busy: () => false,
  drawings: () => ({ sketches: [], editingSketchId: null, corrections: [], editingCorrectionId: null, transform: IDENTITY }),
  detailsSection: () => h('section', { hidden: true }),
  relabel: () => {},
  setTransform: () => {},
  sketches: {
    list: () => [], subscribe: () => () => {}, toGeoJson: () => JSON.stringify({ type: 'FeatureCollection', features: [] }),
    visible: () => false, setVisible: () => {}, open: () => {},
  },
};
