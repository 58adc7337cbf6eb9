import Papa from 'papaparse';
import type { Project } from './projects';
import type { ImportDataset } from '../datasets/types';
import { cellText } from '../datasets/cell-text';

/** Rows of an imported dataset that the filters show: the first `n` indices of `rows`. */
export interface ImportedRows {
  dataset: ImportDataset;
  rows: Uint32Array;
  n: number;
}

/**
 * Cells that start with = + - @ (or a tab / carriage return) are formulas to a spreadsheet: a
 * quote in front keeps them text (OWASP "CSV injection"). Papaparse's `escapeFormulae` does it.
 */
const CSV_OPTIONS = { newline: '\r\n', escapeFormulae: true } as const;

/** The projects and imported features as a GeoJSON FeatureCollection; imported features keep every original column. */
export function toGeoJson(projects: Project[], imported: ImportedRows[] = []): string {
  const features: unknown[] = projects.map(({ geometry, kind: _kind, ...props }) => ({ type: 'Feature', geometry, properties: props }));
  for (const { dataset: d, rows, n } of imported) {
    const data = d.data;
    for (let k = 0; k < n; k++) {
      const i = rows[k];
      // fromEntries defines own properties: a column called "__proto__" stays a column.
      const properties = Object.fromEntries([
        ...data.columns.map((c, j) => [c, cellText(data.cells[j], i)] as const),
        ['_layer', d.name], ['_line', data.line[i]], ['_approximate', data.approx[i] === 1], ['_precision_m', data.precision_m[i]],
      ]);
      const geometry = data.geometries?.[i] ?? { type: 'Point', coordinates: [data.positions[i * 2], data.positions[i * 2 + 1]] };
      features.push({ type: 'Feature', geometry, properties });
    }
  }
  return JSON.stringify({ type: 'FeatureCollection', features });
}

const PROJECT_FIELDS = ['id', 'name', 'name_en', 'theme', 'status', 'status_verb', 'county', 'kind', 'lon', 'lat', 'precision_m', 'quote', 'location_source', 'note'];
const IMPORT_FIELDS = ['layer', 'line', 'approximate'];

/**
 * The projects (and imported rows) as CSV, one row each with a representative WGS-84 lon/lat.
 * Imported rows add their layer, line and every original column (a column whose name clashes
 * with ours gets " (原)"). Starts with a UTF-8 BOM so that Excel (which assumes GBK without it)
 * opens the Chinese text correctly.
 */
export function toCsv(projects: Project[], anchor: (p: Project) => [number, number], imported: ImportedRows[] = []): string {
  const extra: string[] = [];
  const ours = new Set([...PROJECT_FIELDS, ...IMPORT_FIELDS]);
  const colName = (c: string) => (ours.has(c) ? `${c} (原)` : c);
  for (const { dataset } of imported) for (const c of dataset.data.columns) if (!extra.includes(colName(c))) extra.push(colName(c));
  const fields = imported.length ? [...PROJECT_FIELDS, ...IMPORT_FIELDS, ...extra] : PROJECT_FIELDS;
  const width = fields.length;
  const data: (string | number)[][] = projects.map((p) => {
    const [lon, lat] = anchor(p);
    const row: (string | number)[] = [p.id, p.name, p.name_en, p.theme, p.status, p.status_verb, p.county.join('、'), p.kind, lon.toFixed(6), lat.toFixed(6), p.precision_m, p.quote, p.location_source, p.note];
    while (row.length < width) row.push('');
    return row;
  });
  for (const { dataset: d, rows, n } of imported) {
    const dt = d.data;
    const at = dt.columns.map((c) => fields.indexOf(colName(c)));
    const nameCol = d.mapping.name ? dt.columns.indexOf(d.mapping.name) : -1;
    for (let k = 0; k < n; k++) {
      const i = rows[k];
      const row: (string | number)[] = new Array(width).fill('');
      row[0] = `${d.id}#${i}`;
      row[1] = nameCol >= 0 ? cellText(dt.cells[nameCol], i) : '';
      row[7] = dt.geometries?.[i] ? dt.geometries[i]!.type : 'point';
      row[8] = dt.positions[i * 2].toFixed(6);
      row[9] = dt.positions[i * 2 + 1].toFixed(6);
      row[10] = dt.precision_m[i];
      row[14] = d.name;
      row[15] = dt.line[i];
      row[16] = dt.approx[i] ? 'yes' : 'no';
      at.forEach((f, j) => (row[f] = cellText(dt.cells[j], i)));
      data.push(row);
    }
  }
  return '\uFEFF' + Papa.unparse({ fields, data }, CSV_OPTIONS);
}

/** Rows as CSV under a header, formulas neutralised, with a BOM for Excel (e.g. the rejected rows of an import). */
export function tableToCsv(fields: string[], rows: (string | number)[][]): string {
  return '\uFEFF' + Papa.unparse({ fields, data: rows }, CSV_OPTIONS);
}

