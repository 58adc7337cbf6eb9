/**
 * Zipped Shapefiles through shpjs. The .prj decides: geographic or projected systems proj4 can
 * read are reprojected to WGS-84 by shpjs; a .prj proj4 cannot read, or a result that is not
 * longitude/latitude, is refused ('projected-prj') — never drawn in the wrong place. Without a
 * .prj the coordinates are taken as WGS-84 only when they all lie within longitude/latitude range.
 */
import { iter } from 'but-unzip';
import proj4 from 'proj4';
import { parseDbf, parseShp } from 'shpjs';
import { featureSession, type PlainFeature } from './features';
import type { ImportContext, ImportSession } from './types';
import { ImportError } from './types';

interface Layer {
  name: string;
  shp?: Uint8Array;
  dbf?: Uint8Array;
  prj?: string;
  cpg?: string;
}

function positionsOf(g: GeoJSON.Geometry | null, out: (x: number, y: number) => boolean): boolean {
  if (!g) return true;
  const walk = (c: unknown): boolean => {
    if (Array.isArray(c) && typeof c[0] === 'number') return out(c[0] as number, c[1] as number);
    if (Array.isArray(c)) return c.every(walk);
    return true;
  };
  if (g.type === 'GeometryCollection') return g.geometries.every((x) => positionsOf(x, out));
  return walk(g.coordinates);
}

const lonLatRange = (x: number, y: number) => Number.isFinite(x) && Number.isFinite(y) && Math.abs(x) <= 180 && Math.abs(y) <= 90;

/** "WGS 84", "NAD83 / Massachusetts Mainland"…: the name a .prj gives its system. */
export function prjName(prj: string): string {
  return /^\s*(?:PROJCS|GEOGCS|PROJCRS|GEOGCRS|GEODCRS)\s*\[\s*"([^"]*)"/i.exec(prj)?.[1] ?? prj.slice(0, 60);
}

async function readZip(bytes: Uint8Array): Promise<Layer[]> {
  const layers = new Map<string, Layer>();
  let entries: ReturnType<typeof iter> extends Generator<infer T> ? T[] : never;
  try {
    entries = [...iter(bytes)];
  } catch (e) {
    throw new ImportError('bad-zip', `zip 文件已损坏 · the zip file is damaged (${(e as Error).message})`);
  }
  const text = new TextDecoder();
  for (const entry of entries) {
    if (entry.filename.includes('__MACOSX')) continue;
    const m = /^(.*)\.(shp|dbf|prj|cpg)$/i.exec(entry.filename);
    if (!m) continue;
    const base = m[1];
    const kind = m[2].toLowerCase() as 'shp' | 'dbf' | 'prj' | 'cpg';
    const layer = layers.get(base.toLowerCase()) ?? { name: base.split('/').pop() ?? base };
    layers.set(base.toLowerCase(), layer);
    const data = await entry.read();
    if (kind === 'shp' || kind === 'dbf') layer[kind] = data;
    else layer[kind] = text.decode(data);
  }
  return [...layers.values()];
}

export async function openShapefile(buffer: ArrayBuffer, fileName: string, ctx: ImportContext): Promise<ImportSession> {
  const layers = (await readZip(new Uint8Array(buffer))).filter((l) => l.shp);
  if (layers.length === 0) {
    throw new ImportError('bad-zip', 'zip 里没有 .shp 文件：请把 .shp、.dbf、.prj 一起压缩 · no .shp in the zip: zip the .shp, .dbf and .prj together');
  }
  const features: PlainFeature[] = [];
  const notes: string[] = [];
  const systems: string[] = [];
  for (const layer of layers) {
    let prjDef: string | false = false;
    if (layer.prj && layer.prj.trim()) {
      try {
        proj4(layer.prj);
        prjDef = layer.prj;
      } catch {
        throw new ImportError(
          'projected-prj',
          `「${layer.name}.prj」的坐标系（${prjName(layer.prj)}）无法识别，为免画错位置未导入；请在 GIS 软件中另存为 WGS-84（EPSG:4326）· the coordinate system in "${layer.name}.prj" (${prjName(layer.prj)}) cannot be read; not imported rather than drawn in the wrong place: save it as WGS-84 (EPSG:4326) in a GIS`,
        );
      }
      systems.push(prjName(layer.prj));
    }
    let geoms: (GeoJSON.Geometry | null)[];
    try {
      geoms = parseShp(layer.shp!, prjDef || undefined) as (GeoJSON.Geometry | null)[];
    } catch (e) {
      throw new ImportError('bad-zip', `「${layer.name}.shp」已损坏 · "${layer.name}.shp" is damaged (${(e as Error).message})`);
    }
    const inRange = geoms.every((g) => positionsOf(g, lonLatRange));
    if (!inRange) {
      throw new ImportError(
        'projected-prj',
        prjDef
          ? `「${layer.name}」按 .prj（${prjName(layer.prj!)}）换算后仍不是经纬度，未导入 · "${layer.name}" is still not longitude/latitude after reprojecting with its .prj (${prjName(layer.prj!)}): not imported`
          : `「${layer.name}」没有 .prj，坐标也不是经纬度（可能是投影坐标，单位为米），未导入；请把 .prj 一起压缩 · "${layer.name}" has no .prj and its coordinates are not longitude/latitude (projected metres?): not imported; add its .prj to the zip`,
      );
    }
    if (!prjDef) notes.push(`「${layer.name}」没有 .prj：坐标在经纬度范围内，按 WGS-84 读取 · "${layer.name}" has no .prj: its coordinates are within longitude/latitude range, read as WGS-84`);
    let rows: Record<string, unknown>[] = [];
    if (layer.dbf) {
      try {
        rows = parseDbf(layer.dbf, layer.cpg) as Record<string, unknown>[];
      } catch (e) {
        notes.push(`「${layer.name}.dbf」无法读取，属性为空 · "${layer.name}.dbf" could not be read: no attributes (${(e as Error).message})`);
      }
    } else notes.push(`「${layer.name}」没有 .dbf：没有属性 · "${layer.name}" has no .dbf: no attributes`);
    geoms.forEach((g, i) => {
      const props: Record<string, unknown> = Object.create(null);
      if (layers.length > 1) props['图层 · layer'] = layer.name;
      const row = rows[i];
      if (row) for (const k of Object.keys(row)) props[k] = row[k];
      features.push({ geometry: g, properties: props });
    });
  }
  return featureSession(
    { format: 'shapefile', fileName, features, notes, crsFromFile: systems.length ? [...new Set(systems)].join(', ') : undefined },
    ctx,
  );
}
