/**
 * A data file could not be used. `file` names it; `hint` tells the person what to do, in both
 * languages, so that the page can say it instead of showing a blank map.
 */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly hint = '请重新构建或重新安装应用（npm ci && npm start）。 Rebuild or reinstall the app (npm ci && npm start).',
  ) {
    super(`${file}: ${reason}`);
    this.name = 'DataFileError';
  }
}
