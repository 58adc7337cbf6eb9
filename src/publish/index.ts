import './publish.css';
import type { Link, Project } from '../data/projects';
import { t, type Lang } from '../i18n';
import type { MapView } from '../map/map-view';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import { writeUrl } from '../state/url-state';
import { h } from '../ui/dom';
import { appUrl, isEmbed, startEmbedMode } from './embed';
import type { ExportOptions } from './export-image';
import { filtersInWords } from './legend-model';
import { installPrint } from './print';
import { lazyPart } from '../reliability/lazy-part';

// The dialogs are fetched when first opened, not with the page.
const exportDialog = lazyPart('导出图片 Export', () => import('./export-dialog'));
const embedDialog = lazyPart('嵌入 Embed', () => import('./embed-dialog'));

export interface Publish {
  /** The 导出图片 and 嵌入 buttons for the top bar, in `lang`. */
  controls(lang: Lang): HTMLElement[];
  /** Keeps the embed link on the current view; call after each state change. */
  update(s: AppState): void;
}

/**
 * Publishing: export the view as a print-ready PNG or PDF, embed it in another site (`?embed=1`
 * and the iframe code), and print it. Reads the store and the map; writes nothing to the state.
 */
export function createPublish(view: MapView, store: Store<AppState>, data: { projects: Project[]; links: Link[] }, legend: HTMLDetailsElement): Publish {
  const embed = isEmbed(location.search) ? startEmbedMode(view.map.getContainer(), legend) : null;
  const here = () => location.href;
  let last: ExportOptions | null = null;
  const print = installPrint(view.map, legend);
  let printed: { filters: AppState['filters']; selectedId: string | null; lang: Lang } | null = null;

  async function openExport(): Promise<void> {
    const { openExportDialog } = await exportDialog();
    const s = store.get();
    const defaults = last ?? { title: t(s.lang, 'title'), format: 'png', target: 'print', paper: 'a4', orientation: 'landscape' };
    openExportDialog(s.lang, defaults, async (opts) => {
      // The drawing code and jsPDF load on first use, not with the page.
      const { exportImage } = await import('./export-image');
      // Exports clone deck.gl's layers: an export asked for during the first view waits for them.
      await view.whenLayers();
      const now = store.get();
      return exportImage({ map: view.map, layers: view.layers(), state: now, projects: data.projects, links: data.links, lang: now.lang }, opts);
    }, (opts) => (last = opts));
  }

  return {
    controls(lang) {
      if (embed) return [];
      return [
        h('button', { type: 'button', id: 'export-image', 'aria-label': t(lang, 'exportImage'), title: t(lang, 'exportImageLabel'), onClick: () => void openExport() }, t(lang, 'exportImage')),
        h('button', { type: 'button', id: 'embed-button', 'aria-label': t(lang, 'embed'), title: t(lang, 'embedLabel'), onClick: () => void embedDialog().then(({ openEmbedDialog }) => openEmbedDialog(store.get().lang, appUrl(here(), writeUrl(store.get()), true))) }, t(lang, 'embed')),
      ];
    },
    update(s) {
      embed?.update(s.lang, appUrl(here(), writeUrl(s), false));
      if (!printed || printed.filters !== s.filters || printed.selectedId !== s.selectedId || printed.lang !== s.lang) {
        printed = { filters: s.filters, selectedId: s.selectedId, lang: s.lang };
        print.setFilters(filtersInWords(data.projects, s.filters, s.selectedId, s.lang).join(s.lang === 'zh' ? '；' : '; '));
      }
    },
  };
}
