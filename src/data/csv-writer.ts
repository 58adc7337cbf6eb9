import { lazyPart } from '../reliability/lazy-part';

/** The CSV writers (data/export.ts, with papaparse), fetched at the first download. */
export const csvWriter = lazyPart('CSV', () => import('./export'));
