/** Thrown when a style cannot be used; `detail` says why, in both languages. */
export class StyleError extends Error {
  constructor(readonly detail: string, readonly status?: number) {
    super(detail);
    this.name = 'StyleError';
  }
}
