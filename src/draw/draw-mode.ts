import type { Project } from '../data/projects';
import { download } from '../publish/file-name';
import { t, type Lang } from '../i18n';
import type { MapView } from '../map/map-view';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import { h, svg } from '../ui/dom';
import type { CorrectionEdit } from './correction-panel';
import { lazyPart } from '../reliability/lazy-part';
import { IDENTITY } from '../basemaps/display-crs';
import type { DisplayTransform, DrawKind, DrawnGeometry } from './draw-engine';
import { createLazyDrawEngine } from './lazy-engine';
import { areaM2, formatArea, formatDistance, lengthM } from './measure-figures';
import { StorageError } from './persist';
import { correctionsToGeoJson, createCorrections, createSketches, sketchesToGeoJson, type Correction, type Sketch } from './records';

/**
 * Measure, sketch and correct (issue 13), wired to the app through this one interface: a toolbar
 * on the map, its panel, the correction section of a project's details, and what its layers show
 * (drawn by draw-layers.ts, which holds the deck.gl part and is loaded with the other layers).
 */
export interface DrawMode {
  /** True while a tool owns map clicks (project picking must not fire then). */
  busy(): boolean;
  /** Sketches and unreviewed corrections, drawn above the projects. */
  drawings(): Drawings;
  /** The correction part of a project's details (this module keeps it current). */
  detailsSection(p: Project | null): HTMLElement;
  relabel(lang: Lang): void;
  /** The base map's display CRS (a GCJ-02 base map shifts what is drawn; figures stay WGS-84). */
  setTransform(t: DisplayTransform): void;
  /** 我的标注, for a layer list: its records, a way to hear of changes, show/hide, download, edit. */
  sketches: {
    list(): readonly Sketch[];
    subscribe(fn: () => void): () => void;
    toGeoJson(): string;
    visible(): boolean;
    setVisible(v: boolean): void;
    /** Opens the sketch panel (its list edits and deletes each sketch). */
    open(): void;
  };
}

/** What the drawing layers show now (draw-layers.ts buildDrawingLayers draws it). */
export interface Drawings {
  /** Empty while 我的标注 is hidden (and no sketch is being edited). */
  sketches: readonly Sketch[];
  /** The sketch or corrected project being edited: terra-draw shows it meanwhile. */
  editingSketchId: string | null;
  corrections: readonly Correction[];
  editingCorrectionId: string | null;
  transform: DisplayTransform;
}

type Tool =
  | { type: 'measure'; kind: 'line' | 'polygon'; geometry: DrawnGeometry | null; done: boolean }
  | { type: 'sketch'; kind: DrawKind | null; geometry: DrawnGeometry | null; editing: Sketch | null; error: string }
  | { type: 'correct'; project: Project; geometry: GeoJSON.Geometry; changed: boolean; error: string; draft: CorrectionEdit | null };

const kindOf = (g: GeoJSON.Geometry): DrawKind => (g.type.endsWith('Point') ? 'point' : g.type.endsWith('LineString') ? 'line' : 'polygon');
const single = (g: GeoJSON.Geometry): g is DrawnGeometry => g.type === 'Point' || g.type === 'LineString' || g.type === 'Polygon';
/** Toolbar icons drawn inline (no icon font, no emoji font needed). */
const icon = (...children: SVGElement[]) => svg('svg', { class: 'draw-icon', viewBox: '0 0 16 16', width: 16, height: 16, 'aria-hidden': 'true' }, ...children);
const RULER = () => icon(svg('path', { d: 'M1.5 10.5 10.5 1.5l4 4-9 9z', fill: 'none', stroke: 'currentColor', 'stroke-width': 1.4 }), svg('path', { d: 'M4.5 7.5l1.5 1.5M6.5 5.5l1.5 1.5M8.5 3.5l1.5 1.5', stroke: 'currentColor', 'stroke-width': 1.2 }));
const PENCIL = () => icon(svg('path', { d: 'M2 14l1-4 8-8 3 3-8 8zM10 3l3 3', fill: 'none', stroke: 'currentColor', 'stroke-width': 1.4, 'stroke-linejoin': 'round' }));
const newId = () => (crypto.randomUUID ? crypto.randomUUID() : `s${Date.now()}${Math.random().toString(36).slice(2)}`);

// The 更正位置 section of a details card.
const correctionCode = lazyPart('更正 Correction', () => import('./correction-panel'));

export function createDrawMode(view: MapView, store: Store<AppState>, onLayers: () => void): DrawMode {
  // Terra-draw arrives when a tool is first opened (every way in goes through engine.prepare).
  const engine = createLazyDrawEngine(view.map);
  const sketches = createSketches();
  const corrections = createCorrections();
  let transform: DisplayTransform = IDENTITY;
  let tool: Tool | null = null;
  let storageError = '';
  let sketchesShown = true;
  const lang = () => store.get().lang;

  const toolbar = h('div', { class: 'draw-toolbar', role: 'toolbar' });
  const panel = h('section', { class: 'draw-panel', hidden: true, 'aria-labelledby': 'draw-panel-title' });
  view.map.getContainer().append(toolbar, panel);
  const section = h('section', { class: 'correction', 'aria-labelledby': 'correction-title' });
  let sectionProject: Project | null = null;

  const saved = (p: Promise<void>) => p.then(() => (storageError = ''), (e: unknown) => {
    storageError = e instanceof StorageError ? t(lang(), 'saveFailed') : String(e);
    render();
  });
  sketches.subscribe(() => {
    onLayers();
    if (tool?.type === 'sketch') render();
  });
  corrections.subscribe(() => {
    onLayers();
    renderSection();
  });

  function setTool(next: Tool | null): void {
    if (!next || next.type !== tool?.type || next.type === 'correct') engine.stop();
    tool = next;
    document.body.classList.toggle('drawing', !!tool);
    render();
    renderSection();
    onLayers();
  }

  // ---- measure -----------------------------------------------------------------------------
  const figure = h('output', { class: 'measure-figure', 'aria-live': 'polite' });
  function showFigure(): void {
    if (tool?.type !== 'measure') return;
    const l = lang();
    if (tool.kind === 'line') {
      const m = lengthM(tool.geometry);
      figure.dataset.metres = String(m);
      figure.replaceChildren(h('strong', {}, formatDistance(m, l)));
    } else {
      const m2 = areaM2(tool.geometry);
      const a = formatArea(m2, l);
      figure.dataset.squareMetres = String(m2);
      figure.replaceChildren(h('strong', {}, a.main), h('span', { class: 'measure-sub' }, `${a.mu} · ${a.ha}`));
    }
  }
  function startMeasure(kind: 'line' | 'polygon'): void {
    setTool({ type: 'measure', kind, geometry: null, done: false });
    engine.draw(kind, {
      onChange: (g) => {
        if (tool?.type !== 'measure') return;
        tool.geometry = g;
        tool.done = false;
        showFigure();
      },
      onFinish: (g) => {
        if (tool?.type !== 'measure') return;
        tool.geometry = g;
        tool.done = true;
        showFigure();
      },
    });
    showFigure();
  }

  // ---- sketch ------------------------------------------------------------------------------
  function startSketch(kind: DrawKind): void {
    if (tool?.type !== 'sketch') return;
    tool.kind = kind;
    tool.geometry = null;
    tool.editing = null;
    tool.error = '';
    engine.draw(kind, {
      onFinish: (g) => {
        if (tool?.type !== 'sketch') return;
        tool.geometry = g;
        // Keep the shape on the map, open for a touch-up while the name is typed (after
        // terra-draw has finished handling its own event).
        setTimeout(() => tool?.type === 'sketch' && tool.geometry === g && engine.edit(g, (e) => tool?.type === 'sketch' && (tool.geometry = e)));
        render();
        panel.querySelector<HTMLInputElement>('#sketch-name')?.focus();
      },
    });
    render();
  }
  function editSketch(s: Sketch): void {
    setTool({ type: 'sketch', kind: s.kind, geometry: s.geometry, editing: s, error: '' });
    engine.edit(s.geometry, (g) => tool?.type === 'sketch' && (tool.geometry = g));
    render();
    onLayers();
  }
  function saveSketch(name: string, note: string): void {
    if (tool?.type !== 'sketch' || !tool.geometry) return;
    if (!name.trim()) {
      tool.error = t(lang(), 'nameRequired');
      render();
      return;
    }
    const now = new Date().toISOString();
    const base = tool.editing;
    const s: Sketch = { id: base?.id ?? newId(), kind: tool.kind ?? kindOf(tool.geometry), name: name.trim(), note: note.trim(), geometry: tool.geometry, created: base?.created ?? now, updated: now };
    engine.stop();
    tool = { type: 'sketch', kind: null, geometry: null, editing: null, error: '' };
    saved(sketches.put(s));
    render();
  }

  // ---- correct -----------------------------------------------------------------------------
  function startCorrect(p: Project): void {
    const existing = corrections.get(p.id);
    const geometry = existing?.geometry ?? p.geometry;
    setTool({ type: 'correct', project: p, geometry, changed: false, error: '', draft: null });
    if (single(geometry)) engine.edit(geometry, onCorrectChange);
  }
  function onCorrectChange(g: DrawnGeometry): void {
    if (tool?.type !== 'correct') return;
    tool.geometry = g;
    tool.changed = true;
  }
  function redraw(): void {
    if (tool?.type !== 'correct') return;
    engine.draw(kindOf(tool.project.geometry), {
      onFinish: (g) => {
        onCorrectChange(g);
        setTimeout(() => tool?.type === 'correct' && engine.edit(g, onCorrectChange));
      },
    });
  }
  function saveCorrection(edit: CorrectionEdit): void {
    if (tool?.type !== 'correct') return;
    const p = tool.project;
    const l = lang();
    const existing = corrections.get(p.id);
    const error = !(edit.precision > 0 && Number.isFinite(edit.precision)) ? t(l, 'precisionRequired')
      : edit.source.trim().length < 16 ? t(l, 'sourceRequired')
        : !tool.changed && !existing ? t(l, 'noChange') : '';
    if (error) {
      tool.error = error;
      tool.draft = edit;
      renderSection();
      return;
    }
    const c: Correction = {
      id: p.id, name: p.name, geometry: tool.geometry, old_geometry: p.geometry,
      precision_m: Math.round(edit.precision), location_source: edit.source.trim(), note: edit.note.trim(), date: new Date().toISOString(),
    };
    setTool(null);
    saved(corrections.put(c));
  }

  /**
   * Opens a tool through the lazy engine. The pressed button says it is busy until the drawing
   * tools have arrived (a first use fetches them), so a tap on the map is not made too early.
   */
  function whenReady(button: HTMLElement | null, then: () => void): void {
    button?.setAttribute('aria-busy', 'true');
    engine.prepare(() => {
      button?.removeAttribute('aria-busy');
      then();
    }, () => button?.removeAttribute('aria-busy'));
  }

  // ---- rendering ---------------------------------------------------------------------------
  function renderToolbar(): void {
    const l = lang();
    toolbar.setAttribute('aria-label', t(l, 'drawTools'));
    const btn = (type: 'measure' | 'sketch', label: string, name: string, icon: SVGElement) =>
      h('button', {
        type: 'button', class: 'draw-tool', 'aria-label': name, title: name, 'aria-pressed': tool?.type === type ? 'true' : 'false',
        onClick: (e: Event) => (tool?.type === type ? setTool(null) : whenReady(e.currentTarget as HTMLElement, () => (type === 'measure' ? startMeasure('line') : setTool({ type: 'sketch', kind: null, geometry: null, editing: null, error: '' })))),
      }, icon, label);
    toolbar.replaceChildren(btn('measure', t(l, 'measure'), `${t(l, 'measure')} · ${t(l, 'measureLabel')}`, RULER()), btn('sketch', t(l, 'sketch'), `${t(l, 'sketch')} · ${t(l, 'sketchLabel')}`, PENCIL()));
  }

  function head(title: string): HTMLElement {
    return h('div', { class: 'draw-head' },
      h('h2', { id: 'draw-panel-title' }, title),
      h('button', { type: 'button', class: 'close', 'aria-label': t(lang(), 'closeTool'), title: t(lang(), 'closeTool'), onClick: () => setTool(null) }, '×'));
  }

  function render(): void {
    renderToolbar();
    const l = lang();
    if (!tool || tool.type === 'correct') {
      panel.hidden = true;
      panel.replaceChildren();
      return;
    }
    panel.hidden = false;
    if (tool.type === 'measure') {
      const m = tool;
      const kindBtn = (kind: 'line' | 'polygon', label: string) =>
        h('button', { type: 'button', 'aria-pressed': m.kind === kind ? 'true' : 'false', onClick: () => startMeasure(kind) }, label);
      panel.replaceChildren(
        head(t(l, 'measure')),
        h('div', { class: 'draw-choice', role: 'group', 'aria-label': t(l, 'measureLabel') }, kindBtn('line', t(l, 'measureDistance')), kindBtn('polygon', t(l, 'measureArea'))),
        h('div', { class: 'measure-result', 'aria-label': t(l, 'measureResult') }, figure),
        h('p', { class: 'draw-hint' }, t(l, m.kind === 'line' ? 'measureHintLine' : 'measureHintArea')),
        h('div', { class: 'draw-actions' },
          h('button', { type: 'button', onClick: () => engine.finish() }, t(l, 'finish')),
          h('button', { type: 'button', onClick: () => startMeasure(m.kind) }, t(l, 'restart'))),
      );
      showFigure();
      return;
    }
    const s = tool;
    const kindBtn = (kind: DrawKind, key: 'sketchPoint' | 'sketchLine' | 'sketchPolygon') =>
      h('button', { type: 'button', 'aria-pressed': s.kind === kind && !s.editing ? 'true' : 'false', onClick: () => startSketch(kind) }, t(l, key));
    const form = s.geometry ? sketchForm(s) : null;
    const list = sketches.list();
    panel.replaceChildren(
      head(t(l, 'mySketches')),
      h('div', { class: 'draw-choice', role: 'group', 'aria-label': t(l, 'sketchLabel') }, kindBtn('point', 'sketchPoint'), kindBtn('line', 'sketchLine'), kindBtn('polygon', 'sketchPolygon')),
      form ?? h('p', { class: 'draw-hint' }, t(l, s.kind === 'point' ? 'sketchHintPoint' : s.kind === 'line' ? 'measureHintLine' : s.kind === 'polygon' ? 'measureHintArea' : 'sketchHint')),
      // A phone has no Enter key: a button finishes the line or area.
      ...(!form && (s.kind === 'line' || s.kind === 'polygon') ? [h('div', { class: 'draw-actions' }, h('button', { type: 'button', onClick: () => engine.finish() }, t(l, 'finish')))] : []),
      ...(storageError ? [h('p', { class: 'draw-error', role: 'alert' }, storageError)] : []),
      list.length
        ? h('ul', { class: 'sketch-list', 'aria-label': t(l, 'mySketches') }, ...list.map((x) => h('li', { 'data-id': x.id },
          h('span', { class: `sketch-kind sketch-${x.kind}`, 'aria-hidden': 'true' }),
          h('span', { class: 'sketch-text' }, h('strong', {}, x.name), x.note ? h('small', {}, x.note) : null),
          h('button', { type: 'button', 'aria-label': `${t(l, 'edit')} ${x.name}`, onClick: () => editSketch(x) }, t(l, 'edit')),
          h('button', { type: 'button', 'aria-label': `${t(l, 'remove')} ${x.name}`, onClick: () => confirm(t(l, 'confirmDelete', { name: x.name })) && saved(sketches.remove(x.id)) }, t(l, 'remove')))))
        : h('p', { class: 'draw-empty' }, t(l, 'noSketches')),
      h('button', { type: 'button', class: 'draw-download', disabled: !list.length, onClick: () => download('my-sketches.geojson', sketchesToGeoJson(sketches.list()), 'application/geo+json') }, t(l, 'downloadSketches')),
    );
  }

  function sketchForm(s: Extract<Tool, { type: 'sketch' }>): HTMLElement {
    const l = lang();
    const name = h('input', { id: 'sketch-name', type: 'text', maxlength: 120, value: s.editing?.name ?? '', required: true });
    const note = h('textarea', { id: 'sketch-note', rows: 2, maxlength: 2000 });
    note.value = s.editing?.note ?? '';
    return h('form', {
      class: 'sketch-form',
      onSubmit: (e: Event) => {
        e.preventDefault();
        saveSketch(name.value, note.value);
      },
    },
    h('p', { class: 'draw-hint' }, t(l, 'editShape')),
    h('label', { for: 'sketch-name' }, t(l, 'sketchName')), name,
    h('label', { for: 'sketch-note' }, t(l, 'sketchNote')), note,
    s.error ? h('p', { class: 'draw-error', role: 'alert' }, s.error) : null,
    h('div', { class: 'draw-actions' },
      h('button', { type: 'submit', class: 'primary' }, t(l, 'save')),
      h('button', { type: 'button', onClick: () => setTool({ type: 'sketch', kind: null, geometry: null, editing: null, error: '' }) }, t(l, 'cancel'))));
  }

  function renderSection(): void {
    const p = sectionProject;
    if (!p) {
      section.replaceChildren();
      return;
    }
    // The section's code comes with the first details card; it draws the state as it is then.
    void correctionCode().then(({ renderCorrectionSection }) => {
      if (sectionProject !== p) return;
      const editing = tool?.type === 'correct' && tool.project.id === p.id ? tool : null;
      renderCorrectionSection(section, p, corrections.get(p.id) ?? null, corrections.list().length, editing ? { error: editing.error, multi: !single(editing.geometry), draft: editing.draft } : null, lang(), {
        onStart: (e?: Event) => whenReady((e?.currentTarget as HTMLElement | null) ?? null, () => startCorrect(p)),
        onRedraw: redraw,
        onSave: saveCorrection,
        onCancel: () => setTool(null),
        onDiscard: () => saved(corrections.remove(p.id)),
        onDownload: () => download('jingzhou-corrections.geojson', correctionsToGeoJson(corrections.list()), 'application/geo+json'),
      });
    });
  }

  // Esc leaves the tool (and only the tool: the chosen project stays chosen).
  window.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || !tool) return;
    e.stopPropagation();
    if (tool.type === 'sketch' && (tool.kind || tool.editing)) setTool({ type: 'sketch', kind: null, geometry: null, editing: null, error: '' });
    else setTool(null);
  }, true);

  // A newly chosen project, or presenting, ends a correction under way.
  store.subscribe((s, prev) => {
    if (s.lang !== prev.lang) {
      render();
      renderSection();
    }
    if (tool?.type === 'correct' && s.selectedId !== tool.project.id) setTool(null);
    if (s.present && tool) setTool(null);
  });

  render();
  return {
    busy: () => engine.active(),
    drawings: () => ({
      // While the sketch tool is open its layer shows whatever the list says: it is being edited.
      sketches: sketchesShown || tool?.type === 'sketch' ? sketches.list() : [],
      editingSketchId: tool?.type === 'sketch' ? tool.editing?.id ?? null : null,
      corrections: corrections.list(),
      editingCorrectionId: tool?.type === 'correct' ? tool.project.id : null,
      transform,
    }),
    detailsSection(p) {
      sectionProject = p;
      renderSection();
      return section;
    },
    relabel: () => {
      render();
      renderSection();
    },
    setTransform(tr) {
      transform = tr;
      engine.setTransform(tr);
      onLayers();
    },
    sketches: {
      list: () => sketches.list(),
      subscribe: (fn) => sketches.subscribe(fn),
      toGeoJson: () => sketchesToGeoJson(sketches.list()),
      visible: () => sketchesShown,
      // Only the layer list's checkbox sets this, and it already shows the new state.
      setVisible(v) {
        sketchesShown = v;
        onLayers();
      },
      open: () => engine.prepare(() => {
        if (tool?.type !== 'sketch') setTool({ type: 'sketch', kind: null, geometry: null, editing: null, error: '' });
      }),
    },
  };
}
