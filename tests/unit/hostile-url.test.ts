import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProjects } from '../../src/data/projects';
import { readTourConfig } from '../../src/present/tour-config';
import { DEFAULT_FILTERS, summarise } from '../../src/state/filters';
import { readUrl } from '../../src/state/url-state';

const fc = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '..', '..', 'data', 'projects.geojson'), 'utf8'));
const { projects } = parseProjects(fc);
const ids = new Set(projects.map((p) => p.id));

/** Every parameter the app reads from its URL (url-state.ts and tour.ts). */
const PARAMS = ['q', 'theme', 'status', 'county', 'kind', 'sel', 'lon', 'lat', 'z', 'b', 'p', 'tab', 'near', 'r', 'lang', 'interval', 'idle'];
const PAYLOADS = [
  '<script>window.pwned=1</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '1e999,-1e999,NaN,Infinity',
  `${'\u202e'.repeat(3)}${'x'.repeat(5000)}`,
];

describe('hostile URL values (16+ parameters × 5 payloads)', () => {
  for (const param of PARAMS) {
    for (const payload of PAYLOADS) {
      it(`${param} = ${JSON.stringify(payload.slice(0, 24))}: ignored, or kept as bounded plain text`, () => {
        const search = `?${param}=${encodeURIComponent(payload)}`;
        const u = readUrl(search, ids);
        const { q, ...rest } = u.filters;
        const { q: _q, ...defaults } = DEFAULT_FILTERS;
        expect(rest).toEqual(defaults);
        // Only the search text may carry the value, cut to its limit; it is only ever shown as text.
        if (param === 'q') expect(q.length).toBeLessThanOrEqual(80);
        else expect(q).toBe('');
        expect(u.selectedId).toBeNull();
        expect(u.lang).toBeNull();
        expect(u.tab).toBe('projects');
        expect(u.view).toBeNull();
        expect(u.near).toBeNull();
        const tour = readTourConfig(search);
        expect(tour.interval).toBeGreaterThanOrEqual(50);
        expect(tour.interval).toBeLessThanOrEqual(600_000);
        expect(tour.idle).toBeGreaterThanOrEqual(100);
        expect(tour.idle).toBeLessThanOrEqual(3_600_000);
        expect(tour.kiosk).toBe(false);
      });
    }
  }
});

describe('hostile search inputs (10)', () => {
  const INPUTS = ['<script>alert(1)</script>', '.*', '(((', '[a-', '\\', '$^|?+', '\u0000\u0001', '💥'.repeat(100), "' OR 1=1 --", '%00%0a'];
  for (const input of INPUTS) {
    it(`${JSON.stringify(input.slice(0, 20))}: filters without throwing, matching nothing it should not`, () => {
      const s = summarise(projects, { ...DEFAULT_FILTERS, q: input });
      // Plain substring search: an input that is in no name or quote matches nothing.
      const literal = projects.filter((p) => `${p.name} ${p.name_en} ${p.quote}`.toLowerCase().includes(input.toLowerCase()));
      if (literal.length === 0) expect(s.shown.length).toBe(0);
      expect(s.shown.length).toBeLessThanOrEqual(projects.length);
    });
  }
});
