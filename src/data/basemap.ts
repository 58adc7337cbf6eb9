import countiesUrl from '../../data/base/counties.geojson?url';
import neighboursUrl from '../../data/base/neighbours.geojson?url';
import waterUrl from '../../data/base/water.geojson?url';
import placesUrl from '../../data/base/places.geojson?url';
import { fetchFeatureCollection } from './fetch-data';

/**
 * Where the embedded base map's files are served. The app hands these to MapLibre, whose worker
 * fetches and parses them off the page's thread, so the map is created before they arrive.
 */
export const BASE_MAP_URLS = { counties: countiesUrl, neighbours: neighboursUrl, water: waterUrl, places: placesUrl } as const;

/** One layer of the embedded base map. */
export type BaseMapLayer = keyof typeof BASE_MAP_URLS;

/** Each layer of the embedded base map, as data or as the URL MapLibre fetches it from. */
export type BaseMapSources = Record<BaseMapLayer, GeoJSON.FeatureCollection | string>;

/** The embedded base map's layers (data/base/, built by scripts/build-basemap.mjs). */
export interface BaseMapData {
  counties: GeoJSON.FeatureCollection;
  neighbours: GeoJSON.FeatureCollection;
  water: GeoJSON.FeatureCollection;
  places: GeoJSON.FeatureCollection;
}

/** The repository path of a layer's file, as messages name it. */
export const baseMapFile = (layer: BaseMapLayer): string => `data/base/${layer}.geojson`;

const loadLayer = (layer: BaseMapLayer) => fetchFeatureCollection(BASE_MAP_URLS[layer], baseMapFile(layer));

export async function loadBaseMap(): Promise<BaseMapData> {
  const [{ counties, places }, neighbours, water] = await Promise.all([loadPlaceData(), loadLayer('neighbours'), loadLayer('water')]);
  return { counties, neighbours, water, places };
}

/**
 * The two layers the page itself reads (places for the search, counties to place imported rows);
 * a missing or corrupt one is named. The map reads all four through BASE_MAP_URLS.
 */
export async function loadPlaceData(): Promise<Pick<BaseMapData, 'counties' | 'places'>> {
  const [counties, places] = await Promise.all([loadLayer('counties'), loadLayer('places')]);
  return { counties, places };
}
