import * as turf from '@turf/turf';
import type { Lang } from '../i18n';
import type { DrawnGeometry } from './draw-engine';

/** 1 亩 (mu) = 10 000 / 15 m² ≈ 666.67 m²; 1 公顷 (hectare) = 10 000 m². */
export const MU_M2 = 10_000 / 15;
export const HECTARE_M2 = 10_000;

/** Length in metres along a line, on the WGS-84 geometry (turf, great-circle segments). */
export function lengthM(g: DrawnGeometry | null): number {
  return g && g.type === 'LineString' && g.coordinates.length > 1 ? turf.length(turf.lineString(g.coordinates), { units: 'kilometers' }) * 1000 : 0;
}

/** Area in m² of a polygon, on the WGS-84 geometry (turf, geodesic). 0 before it has 3 corners. */
export function areaM2(g: DrawnGeometry | null): number {
  if (!g || g.type !== 'Polygon' || g.coordinates[0].length < 4) return 0;
  return turf.area(turf.polygon(g.coordinates));
}

const num = (v: number, digits: number, lang: Lang) => v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** "850 m", "12.35 km": metres below 1 km, else km with two decimals (one from 100 km). */
export function formatDistance(m: number, lang: Lang = 'zh'): string {
  if (m < 1000) return `${num(m, m < 100 ? 1 : 0, lang)} m`;
  return `${num(m / 1000, m < 100_000 ? 2 : 1, lang)} km`;
}

/** The area in the units planners use: m² or km², 亩 (mu) and 公顷 (ha). */
export function formatArea(m2: number, lang: Lang = 'zh'): { main: string; mu: string; ha: string } {
  const main = m2 < 1_000_000 ? `${num(m2, 0, lang)} m²` : `${num(m2 / 1e6, m2 < 1e8 ? 3 : 1, lang)} km²`;
  const mu = m2 / MU_M2;
  const ha = m2 / HECTARE_M2;
  return {
    main,
    mu: `${num(mu, mu < 100 ? 1 : 0, lang)} ${lang === 'zh' ? '亩' : 'mu'}`,
    ha: `${num(ha, ha < 100 ? 2 : 0, lang)} ${lang === 'zh' ? '公顷' : 'ha'}`,
  };
}
