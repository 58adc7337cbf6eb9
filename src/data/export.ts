import Papa from 'papaparse';
import type { Project } from './projects';

/** The projects as a GeoJSON FeatureCollection with the same properties as data/projects.geojson. */
export function toGeoJson(projects: Project[]): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: projects.map(({ geometry, kind: _kind, ...props }) => ({ type: 'Feature', geometry, properties: props })),
  });
}

/**
 * The projects as CSV, one row each with a representative lon/lat. Starts with a UTF-8 BOM so
 * that Excel (which assumes GBK without it) opens the Chinese text correctly.
 */
export function toCsv(projects: Project[], anchor: (p: Project) => [number, number]): string {
  const rows = projects.map((p) => {
    const [lon, lat] = anchor(p);
    return {
      id: p.id, name: p.name, name_en: p.name_en, theme: p.theme, status: p.status, status_verb: p.status_verb,
      county: p.county.join('、'), kind: p.kind, lon: lon.toFixed(6), lat: lat.toFixed(6), precision_m: p.precision_m,
      quote: p.quote, location_source: p.location_source, note: p.note,
    };
  });
  return '\uFEFF' + Papa.unparse(rows, { newline: '\r\n' });
}

/** Hands a text file to the browser's download. */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
