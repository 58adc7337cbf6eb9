/**
 * KML and GPX through @tmcw/togeojson, on the main thread (DOMParser; these files are small).
 * Malformed XML is refused with the parser's message. Descriptions may hold HTML: they stay text
 * cells like any other value (the app never renders cell text as HTML).
 */
import { gpx, kml } from '@tmcw/togeojson';
import { featureSession } from './features';
import type { ImportContext, ImportSession } from './types';
import { ImportError } from './types';

export function openKmlGpx(text: string, format: 'kml' | 'gpx', fileName: string, ctx: ImportContext): ImportSession {
  if (text.trim() === '') throw new ImportError('empty', '文件是空的 · the file is empty');
  if (typeof DOMParser === 'undefined') throw new ImportError('unsupported', '此环境无法读取 XML · XML cannot be read here');
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  const err = doc.getElementsByTagName('parsererror')[0];
  if (err) {
    const detail = (err.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);
    throw new ImportError('bad-xml', `${format.toUpperCase()} 文件的 XML 有误，无法导入 · the ${format.toUpperCase()} file is not well-formed XML: ${detail}`);
  }
  const fc = format === 'kml' ? kml(doc) : gpx(doc);
  const features = fc.features.map((f) => ({
    geometry: (f.geometry as GeoJSON.Geometry | null) ?? null,
    properties: (f.properties as Record<string, unknown> | null) ?? null,
    id: (f as { id?: string | number }).id,
  }));
  const notes: string[] = [];
  if (features.length === 0) notes.push(`文件中没有地标、航点或轨迹 · the file holds no placemarks, waypoints or tracks`);
  return featureSession({ format, fileName, features, notes }, ctx);
}
