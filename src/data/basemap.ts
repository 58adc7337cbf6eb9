import countiesUrl from '../../data/base/counties.geojson?url';
import neighboursUrl from '../../data/base/neighbours.geojson?url';
import waterUrl from '../../data/base/water.geojson?url';
import placesUrl from '../../data/base/places.geojson?url';
import { fetchFeatureCollection } from './fetch-data';

/** The embedded base map's layers (data/base/, built by scripts/build-basemap.mjs). */
export interface BaseMapData {
  counties: GeoJSON.FeatureCollection;
  neighbours: GeoJSON.FeatureCollection;
  water: GeoJSON.FeatureCollection;
  places: GeoJSON.FeatureCollection;
}

export async function loadBaseMap(): Promise<BaseMapData> {
  const [counties, neighbours, water, places] = await Promise.all([
    fetchFeatureCollection(countiesUrl, 'data/base/counties.geojson'),
    fetchFeatureCollection(neighboursUrl, 'data/base/neighbours.geojson'),
    fetchFeatureCollection(waterUrl, 'data/base/water.geojson'),
    fetchFeatureCollection(placesUrl, 'data/base/places.geojson'),
  ]);
  return { counties, neighbours, water, places };
}
