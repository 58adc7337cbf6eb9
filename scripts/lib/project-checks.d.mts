/** Types of project-checks.mjs (the checks shared by the data tests and apply-corrections). */
type Feature = GeoJSON.Feature<GeoJSON.Geometry, Record<string, unknown> & { id?: string; name: string; theme?: string }>;

export interface CheckContext {
  jingzhou: GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon>;
  counties: GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon>[];
  towns: GeoJSON.Feature<GeoJSON.Point>[];
  yangtze: GeoJSON.Feature<GeoJSON.LineString>;
}
export interface Corridor {
  km?: number;
  via: (string | string[])[];
  yangtze: number;
}

export const ITEMS: [string, string][];
export const KIND: Record<string, string>;
export const SIZES: Record<string, { km?: [number, number]; km2?: [number, number] }>;
export const AREA_KM2: [number, number];
export const CORRIDORS: Record<string, Corridor>;
export const VIA_KM: number;
export const LENGTH_TOLERANCE: number;
export function loadContext(dataDir: string): CheckContext;
export function town(ctx: CheckContext, name: string): GeoJSON.Feature<GeoJSON.Point>;
export function kindProblems(f: Feature): string[];
export function geometryProblems(f: Feature): string[];
export function insideProblems(f: Feature, ctx: CheckContext): string[];
export function sizeProblems(f: Feature): string[];
export function corridorProblems(f: Feature, ctx: CheckContext): string[];
export function recordProblems(props: Record<string, unknown>): string[];
export function featureProblems(f: Feature, ctx: CheckContext): string[];
