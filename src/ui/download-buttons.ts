import { fileWriters } from '../data/file-writers';
import { download } from '../publish/file-name';
import type { FilteredView } from '../datasets/filtered';
import { lazyPart } from '../reliability/lazy-part';
import { t, type Lang } from '../i18n';
import { h } from './dom';

// A point for each project's CSV row: fetched with the first CSV download.
const anchors = lazyPart('下载 Download', () => import('../geo/distance'));

/**
 * Download what the filters show (uMap #1500): GeoJSON with the data's own fields, CSV for Excel;
 * the report's projects and every visible import. `shown` is read at the click.
 */
export function renderDownloadButtons(el: HTMLElement, lang: Lang, shown: () => FilteredView): void {
  const imports = () => shown().imports.filter((x) => x.dataset.visible).map((x) => ({ dataset: x.dataset, rows: x.summary.allRows(), n: x.summary.shown }));
  el.replaceChildren(
    h('button', { type: 'button', id: 'download-geojson', onClick: () => void fileWriters().then(({ toGeoJson }) => download('jingzhou-projects.geojson', toGeoJson(shown().shown, imports()), 'application/geo+json')) }, t(lang, 'downloadGeoJson')),
    h('button', { type: 'button', id: 'download-csv', onClick: () => void Promise.all([fileWriters(), anchors()]).then(([{ toCsv }, { anchorOf }]) => download('jingzhou-projects.csv', toCsv(shown().shown, (p) => anchorOf(p.geometry), imports()), 'text/csv;charset=utf-8')) }, t(lang, 'downloadCsv')),
  );
}
