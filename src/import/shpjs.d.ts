/** The two shpjs functions the Shapefile reader uses (shpjs ships no types). */
declare module 'shpjs' {
  /** Geometries of a .shp; with a .prj (WKT text), reprojected to WGS-84 by proj4. */
  export function parseShp(shp: ArrayBuffer | ArrayBufferView | DataView, prj?: string): (GeoJSON.Geometry | null)[];
  /** Rows of a .dbf; `cpg` names its code page. */
  export function parseDbf(dbf: ArrayBuffer | ArrayBufferView | DataView, cpg?: string): Record<string, unknown>[];
}
