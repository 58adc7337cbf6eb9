import { describe, expect, it } from 'vitest';
import { inJingzhou } from '../../src/import/crs';
import { testContext } from './import-context';

/** Ray casting over every edge of every ring: what inJingzhou's banded search must agree with. */
function insideEveryEdge(lon: number, lat: number, outline: [number, number][][]): boolean {
  let inside = false;
  for (const ring of outline) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

describe('inside Jingzhou', () => {
  const g = testContext().gazetteer;

  it('agrees with a test against every edge, for points across and around the outline', () => {
    const [w, s, e, n] = g.bbox;
    let inside = 0;
    // A deterministic grid with an irrational step, so points fall at every offset within a band.
    for (let k = 0; k < 20_000; k++) {
      const lon = w - 0.1 + ((k * 0.6180339887) % 1) * (e - w + 0.2);
      const lat = s - 0.1 + ((k * 0.7548776662) % 1) * (n - s + 0.2);
      const want = insideEveryEdge(lon, lat, g.outline);
      expect(inJingzhou(lon, lat, g), `${lon},${lat}`).toBe(want);
      if (want) inside++;
    }
    // Both answers occur: the grid covers the city and what lies around it.
    expect(inside).toBeGreaterThan(2_000);
    expect(inside).toBeLessThan(18_000);
  });

  it('places the city centre and the county seats inside, and Wuhan outside', () => {
    expect(inJingzhou(112.24, 30.33, g)).toBe(true); // 荆州城区
    expect(inJingzhou(113.48, 29.82, g)).toBe(true); // 洪湖市
    expect(inJingzhou(114.3, 30.59, g)).toBe(false); // 武汉
  });
});
