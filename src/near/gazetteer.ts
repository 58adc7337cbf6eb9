import type { Project } from '../data/projects';
import { anchorOf } from '../geo/distance';
import { normalise } from '../state/filters';

/** A named place a person can type: a county, seat, town (data/base/places.geojson) or a project. */
export interface Place {
  name: string;
  name_en: string;
  kind: 'county' | 'seat' | 'city' | 'town' | 'project';
  at: [number, number];
}

export function buildGazetteer(places: GeoJSON.FeatureCollection, projects: Project[], within: [number, number, number, number]): Place[] {
  const [w, s, e, n] = within;
  const out: Place[] = [];
  for (const f of places.features) {
    if (f.geometry.type !== 'Point') continue;
    const [lon, lat] = f.geometry.coordinates;
    if (lon < w || lon > e || lat < s || lat > n) continue;
    const p = f.properties as { name: string; name_en?: string; kind: Place['kind'] };
    out.push({ name: p.name, name_en: p.name_en ?? '', kind: p.kind, at: [lon, lat] });
  }
  for (const p of projects) out.push({ name: p.name, name_en: p.name_en, kind: 'project', at: anchorOf(p.geometry) });
  return out;
}

const KIND_RANK: Record<Place['kind'], number> = { county: 0, seat: 1, city: 1, town: 2, project: 3 };

/** Places whose Chinese or English name contains the text; exact and prefix matches first. */
export function searchPlaces(q: string, gazetteer: Place[], limit = 8): Place[] {
  const needle = normalise(q);
  if (!needle) return [];
  const score = (p: Place) => {
    const names = [normalise(p.name), normalise(p.name_en)];
    if (names.includes(needle)) return 0;
    if (names.some((x) => x.startsWith(needle))) return 1;
    if (names.some((x) => x.includes(needle))) return 2;
    return -1;
  };
  return gazetteer
    .map((p) => ({ p, s: score(p) }))
    .filter((x) => x.s >= 0)
    .sort((a, b) => a.s - b.s || KIND_RANK[a.p.kind] - KIND_RANK[b.p.kind] || a.p.name.length - b.p.name.length)
    .slice(0, limit)
    .map((x) => x.p);
}
