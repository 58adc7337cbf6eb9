/**
 * The deck.gl half of src/map, fetched as one chunk once the first view has settled (map-view.ts):
 * the overlay on the MapLibre map and the layers drawn on it. Nothing in the first page load may
 * import these modules except through here, lazily, or deck.gl would be back in it.
 */
export { attachDeck } from './deck-overlay';
export { createLayerComposer } from './compose-layers';
