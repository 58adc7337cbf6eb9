import { t, type Lang } from '../i18n';
import { StyleError } from './style-error';

/** Why a base map could not be shown. */
export type FailureReason = 'noKey' | 'forbidden' | 'notFound' | 'http' | 'unreachable' | 'offline' | 'timeout' | 'style' | 'unlisted';

export interface Failure {
  reason: FailureReason;
  status?: number;
  /** For 'style': what is wrong with it (no URL, no key in it). */
  detail?: string;
}

/**
 * Sorts an error from MapLibre (AJAXError with a status), the PMTiles reader ("Bad response code:
 * 403") or our style loader into a reason a person can act on.
 */
export function classify(err: unknown, online = typeof navigator === 'undefined' || navigator.onLine !== false): Failure {
  if (!online) return { reason: 'offline' };
  if (err instanceof StyleError) {
    if (err.detail === 'timeout') return { reason: 'timeout' };
    if (err.detail === 'unreachable') return { reason: 'unreachable' };
    if (err.status) return byStatus(err.status);
    return { reason: 'style', detail: err.detail };
  }
  const e = err as { status?: unknown; message?: unknown } | null;
  const status = typeof e?.status === 'number' ? e.status : Number(/\b(?:code|HTTP)[: ]+(\d{3})\b/i.exec(String(e?.message ?? ''))?.[1] ?? 0);
  return status ? byStatus(status) : { reason: 'unreachable' };
}

function byStatus(status: number): Failure {
  if (status === 401 || status === 403) return { reason: 'forbidden', status };
  if (status === 404) return { reason: 'notFound', status };
  return { reason: 'http', status };
}

/** The reason in words (one language). */
export function reasonText(lang: Lang, f: Failure, extra: { keyLabel?: string; timeoutMs: number; id?: string }): string {
  switch (f.reason) {
    case 'noKey': return t(lang, 'basemapWhyNoKey', { label: extra.keyLabel ?? 'key' });
    case 'forbidden': return t(lang, 'basemapWhyForbidden', { status: f.status ?? 403 });
    case 'notFound': return t(lang, 'basemapWhyNotFound');
    case 'http': return t(lang, 'basemapWhyHttp', { status: f.status ?? 0 });
    case 'unreachable': return t(lang, 'basemapWhyUnreachable');
    case 'offline': return t(lang, 'basemapWhyOffline');
    case 'timeout': return t(lang, 'basemapWhyTimeout', { s: Math.round(extra.timeoutMs / 1000) });
    case 'style': return t(lang, 'basemapWhyStyle', { detail: f.detail ?? '' });
    case 'unlisted': return t(lang, 'basemapWhyUnlisted', { id: extra.id ?? '' });
  }
}
