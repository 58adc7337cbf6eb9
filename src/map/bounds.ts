/** Jingzhou's extent (WGS-84, [west, south, east, north]), padded a little: the first view fits it. */
export const JINGZHOU_BOUNDS: [number, number, number, number] = [111.42, 29.43, 114.08, 30.85];
