import { GeoJsonLayer } from '@deck.gl/layers';
import { DataFilterExtension, PathStyleExtension } from '@deck.gl/extensions';
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { Project } from '../data/projects';
import { OVERLAY_ANCHOR } from './basemap-style';
import { GEOM_KINDS, STATUS_KEYS, THEME_KEYS, themeInfo, type GeomKind, type StatusKey, type ThemeKey } from '../data/themes';
import type { ProjectFeature, ProjectFeatures } from './project-features';
import * as style from './project-style';

export { toFeatures, type ProjectFeature, type ProjectFeatures } from './project-features';

export interface ProjectLayerState {
  /** Allowed themes, statuses and kinds: compared on the GPU, so toggling one uploads no data. */
  themes: ThemeKey[];
  statuses: StatusKey[];
  kinds: GeomKind[];
  /** 1 where the feature passes the county and text filters, else 0, indexed like the features. */
  visible: Float32Array;
  /** Bumps when `visible` changes, so deck.gl re-uploads only that attribute. */
  filterVersion: number;
  selectedId: string | null;
  hoveredId: string | null;
  /** Symbol scale for large screens. */
  scale: number;
}

type Rgba = [number, number, number, number];
const orNone = (xs: number[]): number[] => (xs.length ? xs : [-1]);
export const NO_DEPTH = { depthCompare: 'always', depthWriteEnabled: false } as const;
// All four tests as categories (one vec4 attribute): theme, status, kind, and county+text as 0/1.
const filter = new DataFilterExtension({ filterSize: 0, categorySize: 4 });
// One path style for every outline and line, so they share one shader program: in software
// WebGL each program costs about a second to compile on first draw.
const dash = new PathStyleExtension({ dash: true, offset: true });

/** Project layers are drawn under the base map's labels, so place names stay readable (every base-map style has this layer). */
export const UNDER_LABELS = OVERLAY_ANCHOR;
const rgba = (c: [number, number, number], a: number): Rgba => [c[0], c[1], c[2], a];

/** The ring's data, the same array while the choice stands, so deck.gl does not re-process it on every render. */
let ring: { of?: ProjectFeature; data: ProjectFeature[] } = { data: [] };
function ringData(chosen: ProjectFeature | undefined): ProjectFeature[] {
  if (ring.of !== chosen) ring = { of: chosen, data: chosen ? [chosen] : [] };
  return ring.data;
}

/**
 * Props of the layers that are never filtered (links, the precision ring): the same extensions as
 * the project layers, so they share their shader programs, with the filter switched off.
 */
const UNFILTERED = {
  extensions: [filter, dash],
  filterEnabled: false as const,
  // An accessor, not a constant: a constant category reaches WebGL as an attribute of the wrong
  // type and the draw is rejected (the links once went missing that way).
  getFilterCategory: () => [0, 0, 0, 0],
  filterCategories: [[0], [0], [0], [0]],
  parameters: NO_DEPTH,
  beforeId: UNDER_LABELS,
  pickable: false,
};

/** The project layers (looks: project-style.ts). Areas are drawn first so points and lines stay on top. */
export function buildProjectLayers(
  features: ProjectFeatures,
  state: ProjectLayerState,
  onHover: (id: string | null) => void,
  onClick: (id: string | null) => void,
): Layer[] {
  const s = state.scale;
  const emphasis = (p: Project) => style.emphasisOf(p.id, state.selectedId, state.hoveredId);
  const common = {
    // Flat shapes on a flat map: no depth test, so pitched views show no z-fighting stripes.
    parameters: NO_DEPTH,
    beforeId: UNDER_LABELS,
    pickable: true,
    autoHighlight: false,
    extensions: [filter, dash],
    getFilterCategory: (f: ProjectFeature) => [
      THEME_KEYS.indexOf(f.properties.theme), STATUS_KEYS.indexOf(f.properties.status), GEOM_KINDS.indexOf(f.properties.kind),
      state.visible[f.properties.filterIndex] ?? 0,
    ],
    // An empty list would mean "no filter" to deck.gl; -1 is a category no feature has.
    filterCategories: [
      orNone(state.themes.map((k) => THEME_KEYS.indexOf(k))),
      orNone(state.statuses.map((k) => STATUS_KEYS.indexOf(k))),
      orNone(state.kinds.map((k) => GEOM_KINDS.indexOf(k))),
      [1],
    ],
    updateTriggers: {
      getFilterCategory: state.filterVersion,
      getLineWidth: [state.selectedId, state.hoveredId, s],
      getFillColor: [state.selectedId, state.hoveredId],
      getLineColor: [state.selectedId, state.hoveredId],
      getPointRadius: [state.selectedId, state.hoveredId, s],
    },
    onHover: (info: PickingInfo<ProjectFeature>) => onHover(info.object?.properties.id ?? null),
    onClick: (info: PickingInfo<ProjectFeature>) => onClick(info.object?.properties.id ?? null),
    lineWidthUnits: 'pixels' as const,
    pointRadiusUnits: 'pixels' as const,
    getDashArray: (f: ProjectFeature) => style.dashOf(f.properties),
    getOffset: (f: ProjectFeature) => f.properties.offset,
    dashJustified: true,
  };

  const { areas, lines, points } = features;

  const linkLayer = new GeoJsonLayer({
    id: 'links',
    data: features.links,
    stroked: true,
    getLineColor: style.LINK.colour,
    getLineWidth: style.LINK.width * s,
    lineWidthUnits: 'pixels',
    getDashArray: style.LINK.dash,
    getOffset: 0,
    ...UNFILTERED,
  });

  // The chosen point's radius of uncertainty (precision_m), so a marker placed in "the best-supported
  // area" is not read as a surveyed site. Same layer type and extensions as the project layers, so
  // it reuses their shader programs.
  const chosen = state.selectedId ? points.find((f) => f.properties.id === state.selectedId) : undefined;
  const precisionLayer = new GeoJsonLayer({
    id: 'selected-precision',
    data: ringData(chosen),
    visible: Boolean(chosen),
    pointType: 'circle',
    filled: true,
    stroked: true,
    pointRadiusUnits: 'meters',
    getPointRadius: chosen?.properties.precision_m ?? 0,
    getFillColor: chosen ? rgba(themeInfo(chosen.properties.theme).color, 28) : [0, 0, 0, 0],
    getLineColor: chosen ? rgba(themeInfo(chosen.properties.theme).color, 200) : [0, 0, 0, 0],
    getLineWidth: 1.5 * s,
    lineWidthUnits: 'pixels',
    getOffset: 0,
    ...UNFILTERED,
  });

  return [
    linkLayer,
    precisionLayer,
    new GeoJsonLayer<ProjectFeature['properties']>({
      ...common,
      id: 'project-areas',
      data: areas,
      filled: true,
      stroked: true,
      getFillColor: (f) => style.areaFill(f.properties, emphasis(f.properties)),
      getLineColor: (f) => style.areaOutline(f.properties),
      getLineWidth: (f) => style.areaOutlineWidth(emphasis(f.properties)) * s,
    }),
    new GeoJsonLayer<ProjectFeature['properties']>({
      ...common,
      id: 'project-lines',
      data: lines,
      stroked: true,
      getLineColor: (f) => style.lineColour(f.properties),
      getLineWidth: (f) => style.lineWidth(emphasis(f.properties)) * s,
      lineCapRounded: true,
      lineJointRounded: true,
    }),
    new GeoJsonLayer<ProjectFeature['properties']>({
      ...common,
      id: 'project-points',
      data: points,
      pointType: 'circle',
      filled: true,
      stroked: true,
      getFillColor: (f) => style.pointFill(f.properties),
      getLineColor: (f) => style.pointOutline(f.properties),
      getLineWidth: (f) => style.pointOutlineWidth(f.properties) * s,
      getPointRadius: (f) => style.pointRadius(emphasis(f.properties)) * s,
    }),
  ];
}
