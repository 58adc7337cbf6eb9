import type { Link, Project } from '../data/projects';
import type { ColumnMapping, ImportedData } from '../import/types';

/** Where a dataset came from: the shipped report, a file the user imported, or a sketch drawn on the map. */
export type DatasetKind = 'report' | 'import' | 'sketch';

export type Rgb = [number, number, number];

interface DatasetBase {
  /** Stable id: 'report' for the shipped data; generated for imports (also the IndexedDB key). */
  id: string;
  /** What the layer list and legend call it; the user may rename imports. */
  name: string;
  kind: DatasetKind;
  /** Symbol colour of an import (the report's features keep their theme colours). */
  colour: Rgb;
  visible: boolean;
}

/** The report's placed projects and regional links: one dataset among others. */
export interface ReportDataset extends DatasetBase {
  kind: 'report';
  data: { projects: Project[]; links: Link[] };
}

/** A file the user imported, columnar (see {@link ImportedData}). */
export interface ImportDataset extends DatasetBase {
  kind: 'import';
  mapping: ColumnMapping;
  data: ImportedData;
  createdAt: number;
  /** 'saved': in IndexedDB; 'session': storage refused it, kept until the tab closes. */
  stored: 'saved' | 'session';
}

/** Any dataset. Sketches (drawing) add their own member to this union. */
export type Dataset = ReportDataset | ImportDataset;

/** An imported feature's id in selection state: `<datasetId>#<index>`. Report ids never contain '#'. */
export type FeatureRef = { datasetId: string; index: number };

export function importedFeatureId(datasetId: string, index: number): string {
  return `${datasetId}#${index}`;
}

/** The map layer of an imported dataset's points (src/map/imported-layers.ts): "drawn" checks name it. */
export function importedPointsLayerId(datasetId: string): string {
  return `import-points-${datasetId}`;
}

/** Parses `<datasetId>#<index>`; null for a report id or anything else. */
export function parseFeatureId(id: string | null): FeatureRef | null {
  if (!id) return null;
  const at = id.lastIndexOf('#');
  if (at <= 0) return null;
  const index = Number(id.slice(at + 1));
  return Number.isInteger(index) && index >= 0 ? { datasetId: id.slice(0, at), index } : null;
}
