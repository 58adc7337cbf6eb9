import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import { distanceToGeometryKm } from '../../src/geo/distance';
import { areaKm2, formatKm, lengthKm } from '../../src/geo/measure';
import { highlightParts } from '../../src/ui/details';

const square: GeoJSON.Polygon = { type: 'Polygon', coordinates: [[[112, 30], [112.1, 30], [112.1, 30.1], [112, 30.1], [112, 30]]] };

describe('measure', () => {
  it('is 0 inside an area and the distance to the nearest edge outside it', () => {
    expect(distanceToGeometryKm([112.05, 30.05], square)).toBe(0);
    const d = distanceToGeometryKm([112.2, 30.05], square);
    expect(d).toBeCloseTo(turf.distance([112.1, 30.05], [112.2, 30.05]), 1);
  });

  it('measures to a line\'s nearest segment, not its vertices', () => {
    // A short segment along 30°N (long ones bow north: great circles): 0.01° of latitude is 1.11 km.
    const line: GeoJSON.LineString = { type: 'LineString', coordinates: [[112.49, 30], [112.51, 30]] };
    expect(distanceToGeometryKm([112.5, 30.01], line)).toBeCloseTo(1.11, 1);
    expect(distanceToGeometryKm([112.5, 30.01], line)).toBeLessThan(turf.distance([112.5, 30.01], [112.49, 30]));
  });

  it('gives lengths and areas', () => {
    expect(areaKm2(square)).toBeGreaterThan(100);
    expect(areaKm2(square)).toBeLessThan(120);
    expect(lengthKm({ type: 'LineString', coordinates: [[112, 30], [113, 30]] })).toBeCloseTo(96.3, 0);
    expect(formatKm(0.25)).toBe('250 m');
    expect(formatKm(12.34)).toBe('12 km');
  });
});

describe('highlightParts', () => {
  it('marks the item inside its sentence, across a line break', () => {
    expect(highlightParts('高标准规划建设关沮新\n城、城北片区', '关沮新城')).toEqual(['高标准规划建设', '关沮新\n城', '、城北片区']);
  });
  it('marks the words the report uses when the name is longer', () => {
    const [, mark] = highlightParts('加快全民健身中心、荆州中心医院荆北新院二期等项目建设', '荆州中心医院荆北新院二期');
    expect(mark).toBe('荆州中心医院荆北新院二期');
    const [, m2] = highlightParts('完成盐卡泵站及引水渠项目', '盐卡泵站');
    expect(m2).toBe('盐卡泵站');
  });
});
