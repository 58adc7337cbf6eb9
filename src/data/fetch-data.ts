import { DataFileError } from './errors';

/** Fetches an embedded file as text; any failure becomes a DataFileError naming the file. */
export async function fetchText(url: string, file: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch (e) {
    throw new DataFileError(file, `无法读取 could not be read (${(e as Error).message})`);
  }
  if (!res.ok) throw new DataFileError(file, `缺失 missing (HTTP ${res.status})`);
  return res.text();
}

/** Fetches and parses an embedded GeoJSON FeatureCollection. */
export async function fetchFeatureCollection(url: string, file: string): Promise<GeoJSON.FeatureCollection> {
  return parseFeatureCollection(await fetchText(url, file), file);
}

/** Parses an embedded file's text as a GeoJSON FeatureCollection; a failure names the file. */
export function parseFeatureCollection(text: string, file: string): GeoJSON.FeatureCollection {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DataFileError(file, '已损坏，不是有效的 JSON — corrupt: not valid JSON');
  }
  const fc = json as GeoJSON.FeatureCollection;
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new DataFileError(file, '不是 GeoJSON 要素集合 — not a GeoJSON FeatureCollection');
  }
  return fc;
}
