/**
 * A page for the import core alone (browser tests and `npm run bench`): the real openImport with
 * the real gazetteer, the CSV worker, exceljs's lazy chunk and DOMParser, without the app's UI.
 * Exposes `window.jzImport`; sets body[data-ready] when the gazetteer is loaded.
 */
import { loadBaseMap } from '../data/basemap';
import { buildImportGazetteer, cellText, openImport, openImportFile } from '../import/index';
import type { ImportContext, ImportedData, ImportOptions } from '../import/types';

interface Summary {
  format: string;
  encoding?: string;
  count: number;
  rowsRead: number;
  approxCount: number;
  rejected: { line: number; reason: string }[];
  flags: { line: number; kind: string }[];
  columns: string[];
  first?: [number, number];
  names: string[];
  geometryTypes: (string | null)[];
  notes: string[];
}

function summarise(d: ImportedData): Summary {
  const nameCol = d.mapping.name ? d.columns.indexOf(d.mapping.name) : -1;
  return {
    format: d.format,
    encoding: d.encoding,
    count: d.count,
    rowsRead: d.rowsRead,
    approxCount: d.approxCount,
    rejected: d.rejected.slice(0, 50).map((r) => ({ line: r.line, reason: r.reason })),
    flags: d.flags.slice(0, 50).map((f) => ({ line: f.line, kind: f.kind })),
    columns: d.columns,
    first: d.count ? [d.positions[0], d.positions[1]] : undefined,
    names: nameCol >= 0 ? Array.from({ length: Math.min(d.count, 20) }, (_, i) => cellText(d.cells[nameCol], i)) : [],
    geometryTypes: d.geometries ? d.geometries.slice(0, 50).map((g) => g?.type ?? null) : [],
    notes: d.notes,
  };
}

async function main() {
  const base = await loadBaseMap();
  const ctx: ImportContext = { gazetteer: buildImportGazetteer(base.places, base.counties) };
  const api = {
    ctx,
    openImport,
    /** Imports bytes with the guessed mapping; returns a summary, or the error's code and message. */
    async importBytes(name: string, bytes: ArrayBuffer, opts: Partial<ImportOptions> = {}) {
      try {
        const s = await openImport({ name, bytes }, ctx);
        const d = await s.run({ mapping: s.preview.guess, crs: 'wgs84', ...opts });
        return { ok: true as const, preview: { ...s.preview, sample: s.preview.sample.slice(0, 3) }, summary: summarise(d) };
      } catch (e) {
        const err = e as { code?: string; message: string; name: string };
        return { ok: false as const, code: err.code ?? err.name, message: err.message };
      }
    },
    /**
     * The bench: arms the file input; when a file is chosen, times file → bytes → openImport →
     * run (CSV worker) → data ready, and lists the main-thread long tasks the browser reports
     * (≥ 50 ms) from the choice to 100 ms after the data is ready. Resolves with the figures.
     */
    armBench(): Promise<unknown> {
      const input = document.getElementById('file') as HTMLInputElement;
      const longTasks: { start: number; duration: number }[] = [];
      const obs = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) longTasks.push({ start: Math.round(e.startTime), duration: Math.round(e.duration) });
      });
      obs.observe({ type: 'longtask', buffered: false });
      return new Promise((resolve, reject) => {
        input.addEventListener(
          'change',
          async () => {
            try {
              const t0 = performance.now();
              const file = input.files![0];
              const size = file.size;
              const t1 = performance.now();
              // As the app's picker does: the CSV worker reads the File itself.
              const s = await openImportFile(file, ctx);
              const t2 = performance.now();
              let progressEvents = 0;
              const d = await s.run({ mapping: s.preview.guess, crs: 'wgs84', onProgress: () => progressEvents++ });
              const t3 = performance.now();
              await new Promise((r) => setTimeout(r, 100));
              obs.disconnect();
              (window as unknown as { lastImport?: ImportedData }).lastImport = d; // kept alive for the heap figure
              document.getElementById('result')!.textContent = `${d.count} / ${d.rowsRead}`;
              resolve({
                bytes: size,
                rows: d.rowsRead,
                count: d.count,
                readMs: t1 - t0,
                openMs: t2 - t1,
                runMs: t3 - t2,
                totalMs: t3 - t0,
                progressEvents,
                longTasks: longTasks.filter((t) => t.start >= t0 - 1),
              });
            } catch (e) {
              reject(e);
            }
          },
          { once: true },
        );
      });
    },
  };
  (window as unknown as { jzImport: typeof api }).jzImport = api;
  document.body.dataset.ready = 'true';
}

main().catch((e) => {
  document.body.dataset.error = String(e);
});
