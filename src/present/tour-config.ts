/** Tour settings, read from the URL for kiosks and tests; anything out of range is ignored. */
export interface TourConfig {
  /** Time at each stop, ms. */
  interval: number;
  /** After this long without input, a paused tour resumes, ms. */
  idle: number;
  /** Start presenting and touring on load. */
  kiosk: boolean;
  present: boolean;
}

export function readTourConfig(search: string): TourConfig {
  const q = new URLSearchParams(search);
  const ms = (key: string, min: number, max: number, dflt: number) => {
    const n = Number(q.get(key));
    return q.has(key) && Number.isFinite(n) && n >= min && n <= max ? n : dflt;
  };
  const kiosk = q.get('kiosk') === '1';
  return { interval: ms('interval', 50, 600_000, 9000), idle: ms('idle', 100, 3_600_000, 60_000), kiosk, present: kiosk || q.get('present') === '1' };
}
