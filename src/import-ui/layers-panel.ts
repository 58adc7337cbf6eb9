import type { DatasetActions } from '../datasets/actions';
import type { DrawMode } from '../draw/draw-mode';
import { importsOf } from '../datasets/filtered';
import { fileWriters } from '../data/file-writers';
import { download } from '../publish/file-name';
import { t } from '../i18n';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import { h } from '../ui/dom';
import type { ImportLauncher } from './launcher';
import { renderLayerList, renderSketchLayer } from './layer-list';
import { renderImportReport } from './report';

export interface LayersPanel {
  render(s: AppState, prev: AppState | null): void;
}

/** 我的标注 as the layer list needs it: what draw mode offers (src/draw/ owns the sketches). */
export type SketchLayer = DrawMode['sketches'];

/**
 * The 图层 · Layers tab: the import button, every dataset as a layer (show/hide, rename, zoom,
 * remove) and the report of the last import.
 */
export function createLayersPanel(
  el: HTMLElement,
  store: Store<AppState>,
  actions: DatasetActions,
  importer: ImportLauncher,
  zoomTo: (id: string) => void,
  choose: (id: string) => void,
  sketches: SketchLayer,
): LayersPanel {
  const button = h('button', { type: 'button', class: 'primary import-open', id: 'import-open-panel', onClick: () => importer.open() });
  const list = h('div', { class: 'layers' });
  const report = h('section', { class: 'import-report', hidden: true, 'aria-live': 'polite' });
  const sketchList = h('div', { class: 'layers layers-sketches' });
  el.replaceChildren(button, report, list, sketchList);
  const renderSketches = () => {
    const lang = store.get().lang;
    renderSketchLayer(sketchList, sketches.list().length, sketches.visible(), lang, {
      onVisible: (v) => sketches.setVisible(v),
      onEdit: () => sketches.open(),
      onDownload: () => download(`${t(lang, 'mySketches')}.geojson`, sketches.toGeoJson(), 'application/geo+json'),
    });
  };
  sketches.subscribe(renderSketches);
  return {
    render(s, prev) {
      const lang = s.lang;
      if (!prev || prev.lang !== lang) {
        button.textContent = t(lang, 'importButton');
        button.setAttribute('aria-label', t(lang, 'importButtonLabel'));
      }
      if (!prev || prev.datasets !== s.datasets || prev.lang !== lang) {
        renderLayerList(list, s.datasets, lang, {
          onVisible: (id, v) => actions.setVisible(id, v),
          onRename: (id, name) => actions.rename(id, name),
          onRecolour: (id, colour) => actions.recolour(id, colour),
          onZoom: zoomTo,
          onRemove: (id) => void actions.remove(id),
        });
      }
      if (!prev || prev.lang !== lang) renderSketches();
      if (!prev || prev.importReport !== s.importReport || prev.datasets !== s.datasets || prev.lang !== lang) {
        const d = importsOf(s.datasets).find((x) => x.id === s.importReport) ?? null;
        renderImportReport(report, d, lang, {
          onClose: () => store.set({ importReport: null }),
          onFix: (flags) => d && actions.applyFixes(d.id, flags),
          onShow: choose,
          onDownloadRejected: () => d && void fileWriters().then(({ tableToCsv }) => download(`${d.name}-rejected.csv`,
            tableToCsv(['line', 'reason', 'row'], d.data.rejected.map((r) => [r.line, r.reason, r.raw])), 'text/csv;charset=utf-8')),
        });
      }
    },
  };
}
