import { IDENTITY } from '../basemaps/display-crs';
import {
  TerraDraw, TerraDrawLineStringMode, TerraDrawPointMode, TerraDrawPolygonMode, TerraDrawSelectMode,
  type GeoJSONStoreFeatures,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * The one module that knows terra-draw: the rest of the app draws and edits through this small
 * interface, in WGS-84. Terra-draw works in the map's own coordinates, which are the display CRS
 * (GCJ-02 under a Chinese base map), so every coordinate crosses `DisplayTransform` on the way in
 * and out: measures, sketches and corrections are always computed and stored on WGS-84.
 */

export type DrawKind = 'point' | 'line' | 'polygon';
export type DrawnGeometry = GeoJSON.Point | GeoJSON.LineString | GeoJSON.Polygon;
type Pos = [number, number];

/** WGS-84 ↔ the base map's display coordinates (identity for a WGS-84 base map). */
export interface DisplayTransform {
  toDisplay(c: Pos): Pos;
  fromDisplay(c: Pos): Pos;
}

export interface DrawHandlers {
  /** The geometry as it is drawn (with the pointer's live position), or null before the first click. */
  onChange?(g: DrawnGeometry | null): void;
  /** The finished geometry (a point on its click; a line or area on its last click, Enter or finish()). */
  onFinish(g: DrawnGeometry): void;
}

export interface DrawEngine {
  /** Starts drawing a new geometry; what was drawn before is cleared when the first click lands. */
  draw(kind: DrawKind, handlers: DrawHandlers): void;
  /** Opens a geometry for editing: drag a point, drag the vertices (or midpoints) of a line or area. */
  edit(g: DrawnGeometry, onChange: (g: DrawnGeometry) => void): boolean;
  /** Finishes the line or area being drawn, as the Enter key does (a button for phones). */
  finish(): void;
  /** Ends drawing or editing and removes everything terra-draw shows. */
  stop(): void;
  /** True while drawing or editing: map clicks belong to the drawing then, not to project picking. */
  active(): boolean;
  setTransform(t: DisplayTransform): void;
}

const MODE: Record<DrawKind, string> = { point: 'point', line: 'linestring', polygon: 'polygon' };
const ACCENT = '#c2185b';

function mapCoords(g: DrawnGeometry, f: (c: Pos) => Pos): DrawnGeometry {
  if (g.type === 'Point') return { type: 'Point', coordinates: f(g.coordinates as Pos) };
  if (g.type === 'LineString') return { type: 'LineString', coordinates: g.coordinates.map((c) => f(c as Pos)) };
  return { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map((c) => f(c as Pos))) };
}

/** Creates the engine for a MapLibre map; terra-draw itself starts on first use. */
export function createDrawEngine(map: MapLibreMap): DrawEngine {
  let transform: DisplayTransform = IDENTITY;
  let td: TerraDraw | null = null;
  let handlers: DrawHandlers | null = null;
  let editing: { id: string | number; onChange: (g: DrawnGeometry) => void } | null = null;
  let on = false;
  /** Features drawn to the end in this session (the next drawing replaces them). */
  const finished = new Set<string | number>();

  const toWgs = (f: GeoJSONStoreFeatures | undefined): DrawnGeometry | null => {
    if (!f) return null;
    const g = f.geometry as DrawnGeometry;
    if (g.type !== 'Point' && g.type !== 'LineString' && g.type !== 'Polygon') return null;
    return mapCoords(g, transform.fromDisplay);
  };

  function instance(): TerraDraw {
    if (td) return td;
    const select = new TerraDrawSelectMode({
      flags: {
        point: { feature: { draggable: true } },
        linestring: { feature: { draggable: true, coordinates: { draggable: true, midpoints: true, deletable: true } } },
        polygon: { feature: { draggable: true, coordinates: { draggable: true, midpoints: true, deletable: true } } },
      },
      styles: { selectedPointColor: ACCENT, selectedLineStringColor: ACCENT, selectedPolygonColor: ACCENT, selectedPolygonOutlineColor: ACCENT, selectionPointColor: '#ffffff', selectionPointOutlineColor: ACCENT, midPointColor: ACCENT, selectedPointWidth: 8 },
    });
    const t = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map }),
      modes: [
        new TerraDrawPointMode({ styles: { pointColor: ACCENT, pointWidth: 7, pointOutlineColor: '#ffffff', pointOutlineWidth: 2 } }),
        new TerraDrawLineStringMode({ styles: { lineStringColor: ACCENT, lineStringWidth: 3, closingPointColor: '#ffffff', closingPointOutlineColor: ACCENT } }),
        new TerraDrawPolygonMode({ styles: { fillColor: ACCENT, fillOpacity: 0.15, outlineColor: ACCENT, outlineWidth: 3, closingPointColor: '#ffffff', closingPointOutlineColor: ACCENT } }),
        select,
      ],
    });
    t.on('change', (ids, type) => {
      if (!td) return;
      if (editing) {
        if (type === 'update' && ids.includes(editing.id)) {
          const g = toWgs(td.getSnapshotFeature(editing.id));
          if (g) editing.onChange(g);
        }
        return;
      }
      if (!handlers) return;
      const drawing = td.getSnapshot().find((f) => f.properties.currentlyDrawing);
      // A new drawing replaces the finished one before it: one geometry on the map at a time.
      // (Only finished features go: terra-draw's own guide points must stay.)
      if (type === 'create' && drawing && finished.size) {
        const old = [...finished].filter((id) => td!.hasFeature(id));
        finished.clear();
        if (old.length) setTimeout(() => td && td.removeFeatures(old.filter((id) => td!.hasFeature(id))));
      }
      if (drawing) handlers.onChange?.(toWgs(drawing));
    });
    t.on('finish', (id, ctx) => {
      if (!td || editing || !handlers || ctx.action !== 'draw') return;
      // A point finishes on its click: the point before it goes, as lines and areas do.
      const old = [...finished].filter((x) => x !== id && td!.hasFeature(x));
      finished.clear();
      finished.add(id);
      if (old.length) setTimeout(() => td && td.removeFeatures(old.filter((x) => td!.hasFeature(x))));
      const g = toWgs(td.getSnapshotFeature(id));
      if (g) handlers.onFinish(g);
    });
    td = t;
    return t;
  }

  function begin(): TerraDraw {
    const t = instance();
    if (!on) {
      t.start();
      on = true;
    }
    return t;
  }

  return {
    draw(kind, h) {
      const t = begin();
      editing = null;
      handlers = h;
      finished.clear();
      t.clear();
      t.setMode(MODE[kind]);
      h.onChange?.(null);
    },
    edit(g, onChange) {
      const t = begin();
      handlers = null;
      editing = null;
      t.clear();
      t.setMode('select');
      const id = t.getFeatureId();
      const mode = g.type === 'Point' ? 'point' : g.type === 'LineString' ? 'linestring' : 'polygon';
      const [result] = t.addFeatures([{ id, type: 'Feature', geometry: mapCoords(g, transform.toDisplay), properties: { mode } } as GeoJSONStoreFeatures]);
      if (!result?.valid) return false;
      editing = { id, onChange };
      t.selectFeature(id);
      return true;
    },
    finish() {
      if (!td || !on) return;
      // Terra-draw finishes a line or polygon on its Enter key; it listens on the map's canvas.
      map.getCanvas().dispatchEvent(new KeyboardEvent('keyup', { key: 'Enter', bubbles: true }));
    },
    stop() {
      handlers = null;
      editing = null;
      if (td && on) {
        td.stop();
        on = false;
      }
    },
    active: () => on,
    setTransform(t) {
      transform = t;
    },
  };
}
