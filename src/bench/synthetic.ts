import type { Project } from '../data/projects';
import { COUNTIES, STATUS_KEYS, THEME_KEYS } from '../data/themes';

/** n synthetic point projects scattered over Jingzhou, deterministic (for benchmarks only). */
export function syntheticProjects(n: number): Project[] {
  let seed = 42;
  const rnd = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  return Array.from({ length: n }, (_, i) => ({
    id: `synthetic-${i}`, name: `合成项目${i}`, name_en: `Synthetic ${i}`,
    theme: THEME_KEYS[i % THEME_KEYS.length], status: STATUS_KEYS[i % STATUS_KEYS.length], status_verb: '',
    quote: '合成数据', county: [COUNTIES[i % COUNTIES.length]], precision_m: 1, location_source: 'synthetic', note: '',
    kind: 'point' as const, geometry: { type: 'Point' as const, coordinates: [111.5 + rnd() * 2.5, 29.5 + rnd() * 1.2] },
  }));
}
