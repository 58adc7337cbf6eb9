import projectsUrl from '../../data/projects.geojson?url';
import linksUrl from '../../data/links.geojson?url';
import { fetchText, parseFeatureCollection } from './fetch-data';
import { COUNTIES, STATUS_KEYS, THEME_KEYS, type County, type GeomKind, type StatusKey, type ThemeKey } from './themes';

/** One placed item of the report (a Feature of data/projects.geojson), validated. */
export interface Project {
  id: string;
  name: string;
  name_en: string;
  theme: ThemeKey;
  status: StatusKey;
  status_verb: string;
  quote: string;
  county: County[];
  precision_m: number;
  location_source: string;
  note: string;
  kind: GeomKind;
  geometry: GeoJSON.Geometry;
}

/** A regional cooperation link (data/links.geojson). */
export interface Link {
  id: string;
  name: string;
  name_en: string;
  group: string;
  quote: string;
  geometry: GeoJSON.LineString;
}

export interface Rejected {
  /** 1-based position of the feature in its file. */
  index: number;
  id: string;
  reason: string;
}

const KIND_OF: Record<string, GeomKind> = {
  Point: 'point', MultiPoint: 'point', LineString: 'line', MultiLineString: 'line', Polygon: 'area', MultiPolygon: 'area',
};

function str(v: unknown): v is string {
  return typeof v === 'string' && v.trim().length > 0;
}

/** Every coordinate is a finite WGS-84 longitude/latitude. */
export function coordsInRange(geometry: GeoJSON.Geometry): boolean {
  const walk = (c: unknown): boolean => {
    if (!Array.isArray(c)) return false;
    if (typeof c[0] === 'number') {
      const [lon, lat] = c as number[];
      return Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90;
    }
    return c.length > 0 && c.every(walk);
  };
  return 'coordinates' in geometry && walk(geometry.coordinates);
}

/** Checks one feature against the schema of data/README.md; returns the reason it fails, or a Project. */
export function toProject(f: GeoJSON.Feature): Project | string {
  const p = (f.properties ?? {}) as Record<string, unknown>;
  if (!str(p.id)) return 'id 缺失 missing id';
  if (!str(p.name)) return 'name 缺失 missing name';
  if (!THEME_KEYS.includes(p.theme as ThemeKey)) return `theme 无效 unknown theme "${String(p.theme)}"`;
  if (!STATUS_KEYS.includes(p.status as StatusKey)) return `status 无效 unknown status "${String(p.status)}"`;
  if (!str(p.quote)) return 'quote 缺失 missing quote';
  if (!Array.isArray(p.county) || !p.county.every((c) => COUNTIES.includes(c as County))) return 'county 无效 unknown county';
  if (typeof p.precision_m !== 'number' || !(p.precision_m > 0)) return 'precision_m 必须为正数 must be a positive number';
  if (!str(p.location_source)) return 'location_source 缺失 missing location_source';
  const kind = f.geometry && KIND_OF[f.geometry.type];
  if (!kind) return `几何类型无效 unsupported geometry ${f.geometry?.type ?? 'null'}`;
  if (!coordsInRange(f.geometry)) return '坐标超出范围 coordinates out of WGS-84 range';
  return {
    id: p.id, name: p.name, name_en: str(p.name_en) ? p.name_en : p.name, theme: p.theme as ThemeKey,
    status: p.status as StatusKey, status_verb: str(p.status_verb) ? p.status_verb : '', quote: p.quote,
    county: p.county as County[], precision_m: p.precision_m, location_source: p.location_source,
    note: str(p.note) ? p.note : '', kind, geometry: f.geometry,
  };
}

export function parseProjects(fc: GeoJSON.FeatureCollection): { projects: Project[]; rejected: Rejected[] } {
  const projects: Project[] = [];
  const rejected: Rejected[] = [];
  const seen = new Set<string>();
  fc.features.forEach((f, i) => {
    const r = toProject(f);
    const id = String((f.properties as { id?: unknown } | null)?.id ?? '');
    if (typeof r === 'string') rejected.push({ index: i + 1, id, reason: r });
    else if (seen.has(r.id)) rejected.push({ index: i + 1, id, reason: 'id 重复 duplicate id' });
    else {
      seen.add(r.id);
      projects.push(r);
    }
  });
  return { projects, rejected };
}

export function parseLinks(fc: GeoJSON.FeatureCollection): Link[] {
  return fc.features.flatMap((f) => {
    const p = (f.properties ?? {}) as Record<string, unknown>;
    if (f.geometry?.type !== 'LineString' || !str(p.id) || !coordsInRange(f.geometry)) return [];
    return [{ id: p.id, name: String(p.name ?? ''), name_en: String(p.name_en ?? ''), group: String(p.group ?? ''), quote: String(p.quote ?? ''), geometry: f.geometry }];
  });
}

export type LoadedProjects = { projects: Project[]; rejected: Rejected[]; links: Link[] };

/**
 * The report's two files as text. The page fetches them with the base map but reads them
 * ({@link readProjectFiles}) only once the map is created: parsing them earlier holds the thread
 * the base map is waiting for.
 */
export function fetchProjectFiles(): Promise<[string, string]> {
  return Promise.all([fetchText(projectsUrl, 'data/projects.geojson'), fetchText(linksUrl, 'data/links.geojson')]);
}

/** Parses and checks the report's files (see {@link parseProjects}). */
export function readProjectFiles([projectsText, linksText]: [string, string]): LoadedProjects {
  return {
    ...parseProjects(parseFeatureCollection(projectsText, 'data/projects.geojson')),
    links: parseLinks(parseFeatureCollection(linksText, 'data/links.geojson')),
  };
}
