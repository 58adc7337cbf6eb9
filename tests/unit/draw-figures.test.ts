import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import { areaM2, formatArea, formatDistance, HECTARE_M2, lengthM, MU_M2 } from '../../src/draw/measure-figures';

describe('measure figures (src/draw/measure-figures.ts)', () => {
  it('measures on the WGS-84 geometry with turf', () => {
    const line = { type: 'LineString' as const, coordinates: [[112.2, 30.31], [112.3, 30.355], [112.31, 30.4]] };
    expect(lengthM(line)).toBeCloseTo(turf.length(turf.lineString(line.coordinates)) * 1000, 6);
    const poly = { type: 'Polygon' as const, coordinates: [[[112.2, 30.3], [112.21, 30.3], [112.21, 30.31], [112.2, 30.3]]] };
    expect(areaM2(poly)).toBeCloseTo(turf.area(turf.polygon(poly.coordinates)), 6);
    // Before a line has two points or an area three corners there is nothing to measure.
    expect(lengthM({ type: 'LineString', coordinates: [[112.2, 30.3]] })).toBe(0);
    expect(areaM2({ type: 'Polygon', coordinates: [[[112.2, 30.3], [112.21, 30.3], [112.2, 30.3]]] })).toBe(0);
    expect(lengthM(null)).toBe(0);
  });

  it('says distances in m below 1 km, else km', () => {
    expect(formatDistance(850)).toBe('850 m');
    expect(formatDistance(42.25)).toBe('42.3 m');
    expect(formatDistance(12_345)).toBe('12.35 km');
    expect(formatDistance(123_456, 'en')).toBe('123.5 km');
  });

  it('says areas in m² or km², 亩 (1 亩 = 666.67 m²) and 公顷 (10 000 m²)', () => {
    expect(MU_M2).toBeCloseTo(666.67, 2);
    expect(HECTARE_M2).toBe(10_000);
    expect(formatArea(6666.7)).toEqual({ main: '6,667 m²', mu: '10.0 亩', ha: '0.67 公顷' });
    expect(formatArea(2_500_000)).toEqual({ main: '2.500 km²', mu: '3,750 亩', ha: '250 公顷' });
    expect(formatArea(2_500_000, 'en').mu).toBe('3,750 mu');
  });
});
