import type { Project } from '../data/projects';
import type { FilteredView } from '../datasets/filtered';
import type { AppState } from '../state/app-state';
import { countyTextFlags, type Filters } from '../state/filters';
import { buildImportedLayers, importedPointsWarmUp } from './imported-layers';
import { buildDrawingLayers } from '../draw/draw-layers';
import type { Drawings } from '../draw/draw-mode';
import type { MapView } from './map-view';
import { buildNearLayers } from './near-layers';
import { buildProjectLayers } from './project-layers';
import type { ProjectFeatures } from './project-features';

/** What the layers need besides the state: the filtered view, the type scale, drawings, and who hears picks. */
export interface LayerInputs {
  shown: FilteredView;
  /** Presentation mode's scale of symbols (1 at a desk). */
  scale: number;
  /** Sketches and corrections (src/draw/), drawn on top. */
  drawings: Drawings;
  onHover(id: string | null): void;
  onClick(id: string | null): void;
}

/** Draws the layers of a state: deck.gl's (createLayerComposer) or, before it is loaded, the first view's. */
export interface LayerComposer {
  render(s: AppState, inputs: LayerInputs): void;
  /** From the next render on, keeps the imports' point program compiled (see importedPointsWarmUp). */
  warmUp(): void;
}

/**
 * Every deck.gl layer of the map, in drawing order: near-me, the report's projects, the imports,
 * the drawings. Keeps the per-project county/text flags between renders and recomputes them only
 * when those filters change (themes, statuses and kinds filter on the GPU).
 */
export function createLayerComposer(view: MapView, projects: Project[], features: ProjectFeatures): LayerComposer {
  const visible = new Float32Array(projects.length);
  let filterVersion = 0;
  let lastCountyText: string | null = null;
  let warmedUp = false;

  function updateVisible(f: Filters): void {
    const key = `${f.counties.join(',')}|${f.q}`;
    if (key === lastCountyText) return;
    lastCountyText = key;
    countyTextFlags(projects, f, visible);
    filterVersion++;
  }

  return {
    render(s, { shown, scale, drawings, onHover, onClick }) {
      updateVisible(s.filters);
      const d = view.display;
      const nearLayers = s.near ? buildNearLayers(s.near.center, s.near.radiusKm, 1, d) : [];
      // Drawn where the base map has them (shifted on a GCJ-02 street map); cached per base map.
      const drawn = { areas: d.features(features.areas), lines: d.features(features.lines), points: d.features(features.points), links: d.features(features.links) };
      const report = shown.report?.visible ? buildProjectLayers(drawn, {
        themes: s.filters.themes, statuses: s.filters.statuses, kinds: s.filters.kinds,
        visible, filterVersion, selectedId: s.selectedId, hoveredId: s.hoveredId, scale,
      }, onHover, onClick) : [];
      const imported = buildImportedLayers(shown.imports, { selectedId: s.selectedId, scale, display: d }, onHover, onClick);
      const warm = warmedUp ? [importedPointsWarmUp()] : [];
      view.setLayers([...nearLayers, ...report, ...imported, ...warm, ...buildDrawingLayers(drawings)]);
    },
    warmUp() {
      warmedUp = true;
    },
  };
}
