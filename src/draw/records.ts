import type { DrawKind, DrawnGeometry } from './draw-engine';
import { createRecordList, type RecordList } from './persist';

/** A feature the user drew into 我的标注 / My sketches. Geometry in WGS-84. */
export interface Sketch {
  id: string;
  kind: DrawKind;
  name: string;
  note: string;
  geometry: DrawnGeometry;
  /** ISO 8601. */
  created: string;
  updated: string;
}

/**
 * A planner's correction of a project's location, not yet reviewed: what the correction file
 * carries (data/README.md, "Corrections"). Keyed by the project's id, one per project.
 */
export interface Correction {
  id: string;
  /** The project's name, so the file reads without the data beside it. */
  name: string;
  geometry: GeoJSON.Geometry;
  old_geometry: GeoJSON.Geometry;
  precision_m: number;
  location_source: string;
  note: string;
  /** ISO 8601, when it was saved. */
  date: string;
}

const GEOMETRY = ['Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon'];
const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const isGeometry = (x: unknown): x is GeoJSON.Geometry => isObj(x) && GEOMETRY.includes(String(x.type)) && Array.isArray(x.coordinates);

function isSketch(x: unknown): x is Sketch {
  return isObj(x) && typeof x.id === 'string' && ['point', 'line', 'polygon'].includes(String(x.kind)) && typeof x.name === 'string' && typeof x.note === 'string' && isGeometry(x.geometry);
}

function isCorrection(x: unknown): x is Correction {
  return isObj(x) && typeof x.id === 'string' && isGeometry(x.geometry) && isGeometry(x.old_geometry) && typeof x.precision_m === 'number' && typeof x.location_source === 'string';
}

export const createSketches = (): RecordList<Sketch> => createRecordList('sketches', isSketch);
export const createCorrections = (): RecordList<Correction> => createRecordList('corrections', isCorrection);

/** 我的标注 as GeoJSON: one Feature per sketch, its name, note and dates as properties. */
export function sketchesToGeoJson(list: readonly Sketch[]): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: list.map((s) => ({ type: 'Feature', geometry: s.geometry, properties: { id: s.id, name: s.name, note: s.note, created: s.created, updated: s.updated } })),
  }, null, 1);
}

/**
 * The correction file for scripts/apply-corrections.mjs: one Feature per correction, its geometry
 * the new location; id, old geometry, precision, source, note and date as properties.
 */
export function correctionsToGeoJson(list: readonly Correction[]): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: list.map((c) => ({
      type: 'Feature', geometry: c.geometry,
      properties: { id: c.id, name: c.name, old_geometry: c.old_geometry, precision_m: c.precision_m, location_source: c.location_source, note: c.note, date: c.date },
    })),
  }, null, 1);
}
