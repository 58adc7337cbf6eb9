/**
 * The Content-Security-Policy of the built app, computed from the configured base maps.
 * Pure functions (no Node, no DOM), so the Vite plugin, the deployment guide's check and the unit
 * tests share one definition.
 */

/** Every string under a key named `url` or `tiles` (strings or arrays of strings), at any depth. */
export function baseMapUrls(config: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown, key: string | null): void => {
    if (typeof v === 'string') {
      if (key === 'url' || key === 'tiles') out.push(v);
    } else if (Array.isArray(v)) {
      for (const x of v) walk(x, key);
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) walk(x, k);
    }
  };
  walk(config, null);
  return out;
}

/**
 * The CSP source for a URL's origin: `https://host[:port]`. A template in the host
 * (`webrd0{s}.is.autonavi.com`, `{a-c}.tile.example`) becomes a leading wildcard label
 * (`https://*.is.autonavi.com`), the only wildcard CSP allows. `pmtiles://https://…` is unwrapped.
 * Relative URLs (served by the app itself) and anything not http(s) give null.
 */
export function cspSource(url: string): string | null {
  const u = url.trim().replace(/^pmtiles:\/\//i, '');
  const m = /^(https?):\/\/([^/?#]+)/i.exec(u);
  if (!m) return null;
  const scheme = m[1].toLowerCase();
  let host = m[2].toLowerCase();
  if (host.includes('@')) return null; // credentials in a URL: never put them in a header
  const labels = host.split('.');
  const last = labels.map((l) => /[{}]/.test(l)).lastIndexOf(true);
  if (last >= 0) {
    const rest = labels.slice(last + 1);
    // "*.com" would allow a whole top-level domain: refuse rather than open that wide.
    if (rest.length < 2 || rest.some((l) => /[{}]/.test(l))) return null;
    host = ['*', ...rest].join('.');
  }
  if (!/^[a-z0-9*.:\-[\]]+$/.test(host)) return null;
  return `${scheme}://${host}`;
}

/** The distinct origins of the base maps in a `basemaps.json` config, sorted. */
export function baseMapSources(config: unknown): string[] {
  return [...new Set(baseMapUrls(config).map(cspSource).filter((s): s is string => s !== null))].sort();
}

export interface CspOptions {
  /** Origins of the configured base maps (tiles, styles, TileJSON, PMTiles archives). */
  hosts: string[];
  /** `frame-ancestors` only works as a header (browsers ignore it in a meta tag). */
  header?: boolean;
}

/**
 * The policy. Why each directive:
 * - script-src 'self': no inline script, no eval (MapLibre and deck.gl need neither).
 * - worker-src 'self': MapLibre 6 starts its worker straight from the same-origin file given to
 *   setWorkerUrl (it wraps the URL in a blob only for a cross-origin worker), so no blob:.
 * - style-src 'self': the stylesheet is a file; inline styles are set through CSSOM
 *   (element.style), which CSP does not restrict.
 * - img-src data: blob: MapLibre decodes sprites and raster tiles through blobs and data URLs.
 * - connect-src data: Vite inlines small data files (< 4 KiB, e.g. data/links.geojson) as data:
 *   URLs that the app fetches; a data: URL reaches no server.
 */
export function buildCsp(opts: CspOptions): string {
  const hosts = opts.hosts.join(' ');
  const withHosts = (base: string) => (hosts ? `${base} ${hosts}` : base);
  const directives = [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self'",
    withHosts("connect-src 'self' data:"),
    withHosts("img-src 'self' data: blob:"),
    "style-src 'self'",
    "font-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ];
  if (opts.header) directives.push("frame-ancestors 'self'");
  return directives.join('; ');
}

/**
 * `html` with the policy in a `<meta http-equiv>` right after `<meta charset>` (a policy governs
 * only what the parser meets after it); an existing policy meta tag is replaced.
 */
export function withCspMeta(html: string, policy: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" />`;
  const old = /<meta http-equiv="Content-Security-Policy"[^>]*>/i;
  if (old.test(html)) return html.replace(old, () => meta);
  const at = html.search(/<meta charset[^>]*>/i);
  if (at < 0) return html.replace(/<head>/i, () => `<head>\n    ${meta}`);
  const end = html.indexOf('>', at) + 1;
  return `${html.slice(0, end)}\n    ${meta}${html.slice(end)}`;
}
