/**
 * Map padding that keeps fitted things clear of the bottom sheet (phones) or the details card.
 * Depends on the layout only (the sheet's height is fixed by CSS), so it can be computed before
 * the panels are filled: the map is created with its final camera and does not jump on start.
 */
export function mapPadding(sidebar: HTMLElement, details: HTMLElement): { top: number; bottom: number; left: number; right: number } {
  const phone = window.matchMedia('(max-width: 700px)').matches;
  // On a phone the details sheet, when open, covers more of the map than the panel sheet.
  const covered = (el: HTMLElement) => (el.hidden || !el.getClientRects().length ? 0 : Math.max(0, window.innerHeight - el.getBoundingClientRect().top));
  const sheet = phone ? Math.min(Math.max(covered(sidebar), covered(details)), window.innerHeight * 0.7) : 0;
  const card = !phone && !details.hidden ? details.getBoundingClientRect().width + 40 : 0;
  return { top: 50, left: 50, bottom: 40 + sheet, right: 50 + card };
}
