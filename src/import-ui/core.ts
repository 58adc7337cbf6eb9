/**
 * The import core (file readers, src/import/), loaded the first time a file arrives: none of its
 * code is in the first page load.
 */
export async function loadImportCore() {
  const core = await import('../import');
  return { openImport: core.openImport, openImportFile: core.openImportFile, buildImportGazetteer: core.buildImportGazetteer };
}

export type ImportCore = Awaited<ReturnType<typeof loadImportCore>>;
