/** Why the browser could not give a position; the UI words each case. */
export type LocateFailure = 'denied' | 'unavailable' | 'timeout' | 'unsupported';

export class LocateError extends Error {
  constructor(readonly failure: LocateFailure) {
    super(`geolocation ${failure}`);
    this.name = 'LocateError';
  }
}

/** The device's position as [lon, lat] (WGS-84, as the Geolocation API gives it). */
export function locate(timeoutMs = 15000): Promise<[number, number]> {
  return new Promise((resolve, reject) => {
    if (!('geolocation' in navigator)) return reject(new LocateError('unsupported'));
    navigator.geolocation.getCurrentPosition(
      (pos) => resolve([pos.coords.longitude, pos.coords.latitude]),
      (err) => reject(new LocateError(err.code === err.PERMISSION_DENIED ? 'denied' : err.code === err.TIMEOUT ? 'timeout' : 'unavailable')),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60000 },
    );
  });
}
