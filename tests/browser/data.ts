import fs from 'node:fs';
import path from 'node:path';

/** The shipped data, read as the tests' independent reference. */
export const projects = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../data/projects.geojson'), 'utf8')) as GeoJSON.FeatureCollection<
  GeoJSON.Geometry,
  { id: string; name: string; name_en: string; theme: string; status: string; quote: string; county: string[]; precision_m: number }
>;
export const byName = (name: string) => projects.features.find((f) => f.properties.name === name)!;
