import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import { CORRIDORS, corridorProblems, loadContext, town, VIA_KM } from '../../scripts/lib/project-checks.mjs';
import { dataDir } from './data-dir';

/**
 * Lines must follow their published corridor, not run straight between their ends. The facts
 * (published length, towns passed in order, Yangtze crossings, from each record's
 * location_source) and the check live in scripts/lib/project-checks.mjs, which
 * scripts/apply-corrections.mjs also runs, so a correction that moves a line off its corridor is
 * refused for the reason this test would fail.
 */
const ctx = loadContext(dataDir);
const features = (JSON.parse(fs.readFileSync(`${dataDir}/projects.geojson`, 'utf8')) as GeoJSON.FeatureCollection).features;
const line = (id: string) => {
  const f = features.find((x) => x.properties!.id === id);
  if (!f || f.geometry.type !== 'LineString') throw new Error(`${id}: no LineString feature`);
  return f as GeoJSON.Feature<GeoJSON.LineString, { id: string; name: string }>;
};

describe('routes follow their published corridors', () => {
  for (const id of Object.keys(CORRIDORS)) {
    it(id, () => {
      expect(corridorProblems(line(id), ctx)).toEqual([]);
    });
  }

  it('a straight line between the ends would fail: the check can tell', () => {
    const f = line('xiantao-honghu-jianli-railway');
    const coords = f.geometry.coordinates;
    const straight = turf.lineString([coords[0], coords[coords.length - 1]], f.properties);
    const far = CORRIDORS['xiantao-honghu-jianli-railway'].via.flat().filter((n) => turf.pointToLineDistance(town(ctx, n), straight) > VIA_KM);
    expect(far.length).toBeGreaterThan(0);
    expect(corridorProblems(straight, ctx).join('\n')).toMatch(/no longer passes its corridor towns/);
  });
});
