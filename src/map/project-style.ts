import { statusInfo, themeInfo } from '../data/themes';
import type { ProjectFeature } from './project-features';

/**
 * How a report project looks, in one place for both renderers: deck.gl's project layers
 * (project-layers.ts) and MapLibre's first view (first-view.ts). Colours are RGBA 0–255; widths
 * and radii are pixels before the presentation scale. `emphasis`: 0 plain, 1 hovered, 2 chosen.
 * Status reads without colour: not-started projects are hollow with dashed outlines, completed
 * ones get a white ring.
 */
export type Rgba = [number, number, number, number];
type Props = ProjectFeature['properties'];

/** How a project stands out: 2 chosen, 1 under the pointer, 0 plain. */
export const emphasisOf = (id: string, selectedId: string | null, hoveredId: string | null): number => (id === selectedId ? 2 : id === hoveredId ? 1 : 0);

const rgba = (c: readonly [number, number, number], a: number): Rgba => [c[0], c[1], c[2], a];
const notStarted = (p: Props) => statusInfo(p.status).notStarted;

/** Dash pattern in multiples of the line's width; [0, 0] draws a solid line. */
export const dashOf = (p: Props): [number, number] => (notStarted(p) ? [4, 3] : [0, 0]);

// Very large zones (a lake basin, a county-wide programme) are tinted faintly so they do not hide the base map.
export const areaFill = (p: Props, emphasis: number): Rgba =>
  rgba(themeInfo(p.theme).color, notStarted(p) ? 25 : emphasis ? 110 : p.areaKm2 > 300 ? 28 : 70);
export const areaOutline = (p: Props): Rgba => rgba(themeInfo(p.theme).color, 230);
export const areaOutlineWidth = (emphasis: number): number => 1.5 + emphasis * 1.5;

export const lineColour = (p: Props): Rgba => rgba(themeInfo(p.theme).color, 235);
export const lineWidth = (emphasis: number): number => 3.5 + emphasis * 2.5;

export const pointFill = (p: Props): Rgba => (notStarted(p) ? [255, 255, 255, 235] : rgba(themeInfo(p.theme).color, 240));
export const pointOutline = (p: Props): Rgba =>
  notStarted(p) ? rgba(themeInfo(p.theme).color, 255) : statusInfo(p.status).done ? [255, 255, 255, 255] : [40, 40, 40, 200];
export const pointOutlineWidth = (p: Props): number => (notStarted(p) || statusInfo(p.status).done ? 2.5 : 1.2);
export const pointRadius = (emphasis: number): number => 6 + emphasis * 3;

/** The links between related projects: dashed orange. */
export const LINK = { colour: [213, 94, 0, 150] as Rgba, width: 2, dash: [6, 4] as [number, number] };
