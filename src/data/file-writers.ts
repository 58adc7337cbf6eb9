import { lazyPart } from '../reliability/lazy-part';

/** The GeoJSON and CSV writers (data/export.ts, with papaparse), fetched at the first download. */
export const fileWriters = lazyPart('下载 Download', () => import('./export'));
