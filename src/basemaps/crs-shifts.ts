import gcoord from 'gcoord';

type LonLat = [number, number];

/**
 * WGS-84 to and from the systems Chinese street maps are drawn in (see display-crs.ts). Fetched
 * with the first such base map: the embedded map, the default, never needs it.
 */
export const SHIFTS = {
  gcj02: {
    to: (p: LonLat) => gcoord.transform(p, gcoord.WGS84, gcoord.GCJ02) as LonLat,
    from: (p: LonLat) => gcoord.transform(p, gcoord.GCJ02, gcoord.WGS84) as LonLat,
  },
  bd09: {
    to: (p: LonLat) => gcoord.transform(p, gcoord.WGS84, gcoord.BD09) as LonLat,
    from: (p: LonLat) => gcoord.transform(p, gcoord.BD09, gcoord.WGS84) as LonLat,
  },
} as const;
