/**
 * Approximate placement: a row without usable coordinates that names a county or a town (in its
 * county, address or 乡镇 cell) is put at that place, with the place's honest radius as
 * precision_m. Built from the embedded base map (data/base/places.geojson, counties.geojson).
 */
import { COUNTIES, COUNTY_EN } from '../data/themes';
import { inJingzhou } from './crs';
import type { ImportGazetteer } from './types';

/**
 * A town name says "somewhere in this town": Jingzhou's ~120 towns and sub-districts share
 * ~14 000 km², ~115 km² each, a disc of ~6 km radius around the town centre — but a town's
 * built-up area and most addresses lie near its centre, so 3 km is used, with the town
 * centre's own 1 km (GeoNames, data/README.md) inside it.
 */
export const TOWN_PRECISION_M = 3000;

/** The gazetteer the import uses, from the base map's places and county outlines. */
export function buildImportGazetteer(places: GeoJSON.FeatureCollection, counties: GeoJSON.FeatureCollection): ImportGazetteer {
  const outline: [number, number][][] = [];
  const prefecture = counties.features.find((f) => (f.properties as { kind?: string } | null)?.kind === 'prefecture');
  const outlineOf = (g: GeoJSON.Geometry) => {
    if (g.type === 'Polygon') for (const r of g.coordinates) outline.push(r as [number, number][]);
    else if (g.type === 'MultiPolygon') for (const p of g.coordinates) for (const r of p) outline.push(r as [number, number][]);
  };
  if (prefecture?.geometry) outlineOf(prefecture.geometry);
  else for (const f of counties.features) if (f.geometry) outlineOf(f.geometry);
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const r of outline)
    for (const [x, y] of r) {
      if (x < w) w = x;
      if (x > e) e = x;
      if (y < s) s = y;
      if (y > n) n = y;
    }
  const bbox: [number, number, number, number] = [w, s, e, n];
  const partial: ImportGazetteer = { counties: [], towns: [], outline, bbox };

  const counted = COUNTIES.map((name) => {
    const poly = counties.features.find((f) => (f.properties as { name?: string } | null)?.name === name);
    const area = Number((poly?.properties as { area_km2?: number } | null)?.area_km2) || 1800;
    const label = places.features.find((f) => {
      const p = f.properties as { name?: string; kind?: string } | null;
      return p?.kind === 'county' && p.name === name && f.geometry?.type === 'Point';
    });
    const at = (label?.geometry as GeoJSON.Point | undefined)?.coordinates as [number, number] | undefined;
    return {
      name,
      short: name.slice(0, -1),
      en: COUNTY_EN[name],
      at: at ?? [(w + e) / 2, (s + n) / 2],
      radius_m: Math.round(Math.sqrt((area * 1e6) / Math.PI)),
    };
  });
  partial.counties = counted;

  for (const f of places.features) {
    const p = f.properties as { name?: string; kind?: string } | null;
    if (!p?.name || f.geometry?.type !== 'Point') continue;
    // 'city' entries (荆州, 沙市) name the whole city, not a town; counties are handled above.
    if (p.kind !== 'town' && p.kind !== 'seat') continue;
    const [lon, lat] = f.geometry.coordinates;
    if (!inJingzhou(lon, lat, partial)) continue;
    partial.towns.push({ name: p.name, at: [lon, lat], precision_m: TOWN_PRECISION_M });
  }
  // Longest names first: 杨林尾 before 杨林.
  partial.towns.sort((a, b) => b.name.length - a.name.length);
  return partial;
}

export interface PlaceHit {
  at: [number, number];
  precision_m: number;
  /** The place's name, for the user (e.g. the reason in a flag). */
  name: string;
}

/** What may follow a town's name in an address for it to count: 镇/乡/街道/村…, or the end. */
const TOWN_SUFFIX = /^(?:$|镇|乡|街道|街|办事处|管理区|村|社区|集镇)/;
const COUNTY_SUFFIX = /^(?:县|市|区)/;

function townIn(text: string, g: ImportGazetteer): PlaceHit | null {
  for (const t of g.towns) {
    const i = text.indexOf(t.name);
    if (i < 0) continue;
    if (TOWN_SUFFIX.test(text.slice(i + t.name.length))) return { at: t.at, precision_m: t.precision_m, name: t.name };
  }
  return null;
}

function countyIn(text: string, g: ImportGazetteer, whole: boolean): PlaceHit | null {
  const t = text.trim();
  for (const c of g.counties) {
    const hit = (name: string) => ({ at: c.at, precision_m: c.radius_m, name });
    if (t.includes(c.name)) return hit(c.name);
    if (whole && (t === c.short && c.name !== '荆州区' && c.name !== '沙市区')) return hit(c.name);
    if (whole && t.toLowerCase() === c.en.toLowerCase()) return hit(c.name);
    // 公安县 / 监利县 (old name) / 洪湖市 …: the short name followed by 县/市/区.
    if (c.name !== '荆州区' && c.name !== '沙市区') {
      const i = t.indexOf(c.short);
      if (i >= 0 && COUNTY_SUFFIX.test(t.slice(i + c.short.length))) return hit(c.name);
    }
  }
  return null;
}

/**
 * The most precise place named by a row's county and address cells: a town in the address, a
 * town in the county cell, the county cell, a county in the address; null when none.
 */
export function placeFromCells(county: string, address: string, g: ImportGazetteer): PlaceHit | null {
  return (
    (address && townIn(address, g)) ||
    (county && townIn(county, g)) ||
    (county && countyIn(county, g, true)) ||
    (address && countyIn(address, g, false)) ||
    null
  );
}
