/**
 * A part of the app fetched on first use (a dynamic import): the import dialog, presenting, the
 * export dialog, the citywide figures, CSV writing. Keeping them out of the first load is what
 * lets the map start nearly as fast as a bare MapLibre page (issue 11).
 */

/** A part's code could not be fetched: the network went away before the service worker held it, or a new deployment replaced it. */
export class PartLoadError extends Error {
  constructor(part: string, cause: unknown) {
    super(`${part}：程序未能加载，请刷新页面后重试。 This part of the app could not be loaded: reload the page and try again.`, { cause });
    this.name = 'PartLoadError';
  }
}

/**
 * `load` runs once and its promise is shared by every caller. A failure rejects with a
 * {@link PartLoadError} naming `part` (a caller that does not catch it has it said on the page by
 * the error reporter) and is forgotten, so the next use asks again. (A browser may remember a
 * module it failed to fetch until the page is reloaded: hence the message's advice.)
 */
export function lazyPart<T>(part: string, load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= load().catch((err: unknown) => {
      pending = null;
      throw new PartLoadError(part, err);
    });
    return pending;
  };
}
