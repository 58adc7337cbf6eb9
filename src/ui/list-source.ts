import type { Project } from '../data/projects';
import { statusInfo, themeInfo } from '../data/themes';
import { cellText } from '../datasets/cell-text';
import type { ImportedShown } from '../datasets/filtered';
import { importedFeatureId, parseFeatureId, type ImportDataset } from '../datasets/types';
import { t, type Lang } from '../i18n';
import type { ListRow, ListSource } from './feature-list';

/** An imported row's display name: its name column, else the first column, else its line. */
export function importedName(d: ImportDataset, i: number, lang: Lang): string {
  const data = d.data;
  const c = d.mapping.name ? data.columns.indexOf(d.mapping.name) : -1;
  const text = c >= 0 ? cellText(data.cells[c], i) : data.cells.length ? cellText(data.cells[0], i) : '';
  return text.trim() || t(lang, 'importLine', { n: data.line[i] });
}

/** The report's shown projects, then each visible import's shown rows, as one list. */
export function listSource(shown: Project[], imports: ImportedShown[], lang: Lang): ListSource {
  const zh = lang === 'zh';
  const parts = imports.filter((x) => x.dataset.visible && x.summary.shown > 0);
  const starts: number[] = [];
  let n = shown.length;
  for (const p of parts) {
    starts.push(n);
    n += p.summary.shown;
  }
  // Built on the first lookup only: every filter change makes a new source, and a map of 100k ids
  // each time cost more than the rest of the change (lookups happen when something is chosen).
  let projectIndex: Map<string, number> | null = null;
  return {
    length: n,
    row(i): ListRow {
      if (i < shown.length) {
        const p = shown[i];
        const th = themeInfo(p.theme);
        const st = statusInfo(p.status);
        const name = zh ? p.name : p.name_en;
        return {
          // The name read out starts with the words shown, in their order (axe label-content-name-mismatch); the theme, shown only as colour, comes last.
          id: p.id, name, note: zh ? st.zh : st.en, label: `${name}，${zh ? st.zh : st.en}，${zh ? th.zh : th.en}`,
          colour: th.color, dot: `dot-${p.kind}${st.notStarted ? ' dot-hollow' : ''}`,
        };
      }
      let k = parts.length - 1;
      while (starts[k] > i) k--;
      const { dataset, summary } = parts[k];
      const row = summary.row(i - starts[k]);
      const name = importedName(dataset, row, lang);
      const approx = dataset.data.approx[row] === 1;
      const kind = dataset.data.geometries?.[row]?.type ?? 'Point';
      const dot = /Polygon/.test(kind) ? 'dot-area' : /Line/.test(kind) ? 'dot-line' : 'dot-point';
      return {
        id: importedFeatureId(dataset.id, row), name, note: dataset.name,
        label: `${name}，${dataset.name}${approx ? `，${t(lang, 'importApprox')}` : ''}`,
        colour: dataset.colour, dot: `${dot}${approx ? ' dot-hollow' : ''}`,
      };
    },
    indexOf(id) {
      const ref = parseFeatureId(id);
      if (!ref) return (projectIndex ??= new Map(shown.map((p, i) => [p.id, i]))).get(id) ?? -1;
      const k = parts.findIndex((p) => p.dataset.id === ref.datasetId);
      if (k < 0) return -1;
      const rows = parts[k].summary.allRows();
      let lo = 0;
      let hi = parts[k].summary.shown - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (rows[mid] === ref.index) return starts[k] + mid;
        if (rows[mid] < ref.index) lo = mid + 1;
        else hi = mid - 1;
      }
      return -1;
    },
  };
}
