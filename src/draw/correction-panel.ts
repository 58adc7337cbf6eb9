import type { Project } from '../data/projects';
import { withStrings, type Lang } from '../i18n';
import { h } from '../ui/dom';
import type { Correction } from './records';

// Words only this part uses: they come with its code, not with the page.
const t = withStrings({
  correctHelp: ['在地图上拖动点或顶点，或重画；填写新的精度和位置来源（必填）。', 'Drag the point or the vertices on the map, or redraw; give the new precision and where the location comes from (required).'],
  redraw: ['重画', 'Redraw'],
  newPrecision: ['新的位置精度（米）', 'New precision (metres)'],
  newSource: ['位置来源（必填）', 'Location source (required)'],
  sourcePlaceholder: ['如：现场踏勘 2026-11；某某规划图；网页地址', 'e.g. site visit 2026-11; a planning map; a web page'],
  correctionUnreviewed: ['位置修正（未审核）', 'Location correction (unreviewed)'],
  correctionExplain: ['洋红色为修正后的位置，原位置淡显。修正保存在本机浏览器，审核后才会进入数据。', 'Magenta is the corrected location, the original is shown faintly. The correction is kept in this browser and enters the data only after review.'],
  correctionDate: ['修正日期', 'Corrected on'],
  discardCorrection: ['撤销修正', 'Discard correction'],
  downloadCorrections: ['下载全部修正 GeoJSON（{n}）', 'Download all corrections (GeoJSON, {n})'],
  multiRedrawOnly: ['此项目由多个部分组成：请重画为一个整体。', 'This project has several parts: redraw it as one.'],
});

/** What the correction form hands back on 保存 / Save. */
export interface CorrectionEdit {
  precision: number;
  source: string;
  note: string;
}

export interface CorrectionActions {
  /** The click's event, so the pressed button can say it is busy while the tools load. */
  onStart(e?: Event): void;
  onRedraw(): void;
  onSave(edit: CorrectionEdit): void;
  onCancel(): void;
  onDiscard(): void;
  onDownload(): void;
}

const metres = (m: number) => (m >= 1000 ? `${(m / 1000).toFixed(m < 10000 ? 1 : 0)} km` : `${m} m`);

/**
 * The correction part of a project's details: the 修正位置 button; while editing, the form (new
 * precision, required source, note); once saved, the unreviewed correction, said plainly.
 */
export function renderCorrectionSection(
  el: HTMLElement,
  p: Project,
  correction: Correction | null,
  total: number,
  editing: { error: string; multi: boolean; draft: CorrectionEdit | null } | null,
  lang: Lang,
  on: CorrectionActions,
): void {
  const row = (label: string, value: string) => [h('dt', {}, label), h('dd', {}, value)];
  const downloadBtn = total
    ? h('button', { type: 'button', class: 'link correction-download', onClick: on.onDownload }, t(lang, 'downloadCorrections', { n: total }))
    : null;
  if (editing) {
    const precision = h('input', { id: 'correction-precision', type: 'number', min: 1, step: 1, inputmode: 'numeric', value: editing.draft ? editing.draft.precision : correction?.precision_m ?? p.precision_m, required: true });
    const source = h('textarea', { id: 'correction-source', rows: 3, maxlength: 2000, required: true, placeholder: t(lang, 'sourcePlaceholder') });
    source.value = editing.draft?.source ?? correction?.location_source ?? '';
    const note = h('textarea', { id: 'correction-note', rows: 2, maxlength: 2000 });
    note.value = editing.draft?.note ?? correction?.note ?? '';
    el.replaceChildren(
      h('h3', { id: 'correction-title' }, t(lang, 'correct')),
      h('p', { class: 'draw-hint' }, t(lang, editing.multi ? 'multiRedrawOnly' : 'correctHelp')),
      h('form', {
        class: 'correction-form',
        novalidate: true,
        onSubmit: (e: Event) => {
          e.preventDefault();
          on.onSave({ precision: Number(precision.value), source: source.value, note: note.value });
        },
      },
      h('button', { type: 'button', onClick: on.onRedraw }, t(lang, 'redraw')),
      h('label', { for: 'correction-precision' }, t(lang, 'newPrecision')), precision,
      h('label', { for: 'correction-source' }, t(lang, 'newSource')), source,
      h('label', { for: 'correction-note' }, t(lang, 'note')), note,
      editing.error ? h('p', { class: 'draw-error', role: 'alert' }, editing.error) : null,
      h('div', { class: 'draw-actions' },
        h('button', { type: 'submit', class: 'primary' }, t(lang, 'save')),
        h('button', { type: 'button', onClick: on.onCancel }, t(lang, 'cancel')))),
    );
    return;
  }
  if (!correction) {
    el.replaceChildren(
      h('h3', { id: 'correction-title', class: 'visually-hidden' }, t(lang, 'correct')),
      h('div', { class: 'draw-actions' }, h('button', { type: 'button', class: 'correct-start', onClick: on.onStart }, t(lang, 'correct')), downloadBtn),
    );
    return;
  }
  el.replaceChildren(
    h('h3', { id: 'correction-title', class: 'correction-flag' }, t(lang, 'correctionUnreviewed')),
    h('p', { class: 'draw-hint' }, t(lang, 'correctionExplain')),
    h('dl', { class: 'correction-body' },
      ...row(t(lang, 'source'), correction.location_source),
      ...row(t(lang, 'precision'), t(lang, 'precisionValue', { m: metres(correction.precision_m) })),
      ...(correction.note ? row(t(lang, 'note'), correction.note) : []),
      ...row(t(lang, 'correctionDate'), new Date(correction.date).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }))),
    h('div', { class: 'draw-actions' },
      h('button', { type: 'button', class: 'correct-start', onClick: on.onStart }, t(lang, 'correct')),
      h('button', { type: 'button', onClick: on.onDiscard }, t(lang, 'discardCorrection'))),
    ...(downloadBtn ? [downloadBtn] : []),
  );
}
