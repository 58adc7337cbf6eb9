import type { Map as MapLibreMap } from 'maplibre-gl';

/** Attribution strings may carry links (`<a href>`): the page gets their words only. */
export function plainText(html: string): string {
  const text = new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The sources and licences of what the map draws, read from its current style: each source used
 * by a visible layer names itself (`attribution`), so another base map brings its own credits.
 */
export function mapAttributions(map: MapLibreMap): string[] {
  const style = map.getStyle();
  const used = new Set(
    style.layers
      .filter((l) => 'source' in l && l.source && (l.layout as { visibility?: string } | undefined)?.visibility !== 'none')
      .map((l) => (l as { source: string }).source),
  );
  const out = new Set<string>();
  for (const id of Object.keys(style.sources)) {
    if (!used.has(id)) continue;
    const a = (map.getSource(id) as { attribution?: string } | undefined)?.attribution;
    if (a) out.add(plainText(a));
  }
  return [...out].filter(Boolean);
}
