import type { Dataset, Rgb } from '../datasets/types';
import { formatCount, t, type Lang } from '../i18n';
import { h } from '../ui/dom';

export interface LayerHandlers {
  onVisible(id: string, visible: boolean): void;
  onRename(id: string, name: string): void;
  onRecolour(id: string, colour: Rgb): void;
  onZoom(id: string): void;
  onRemove(id: string): void;
}

const MAX_NAME = 80;

const rgbHex = (c: Rgb) => `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
/** `#rrggbb` from a colour input; null for anything else. */
export function hexRgb(hex: string): Rgb | null {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  return m ? [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)] : null;
}

/** Every dataset as a layer: show/hide, and for imports rename, zoom to and remove. */
export function renderLayerList(el: HTMLElement, datasets: readonly Dataset[], lang: Lang, on: LayerHandlers): void {
  const rows = datasets.map((d) => {
    const name = d.kind === 'report' ? t(lang, 'layerReport') : d.name;
    const count = d.kind === 'report' ? d.data.projects.length : d.data.count;
    const box = h('input', {
      type: 'checkbox', checked: d.visible, 'aria-label': t(lang, 'layerVisible', { name }),
      onChange: (e: Event) => on.onVisible(d.id, (e.target as HTMLInputElement).checked),
    });
    const actions = d.kind === 'import' ? h('div', { class: 'layer-actions' },
      h('button', { type: 'button', class: 'layer-rename', 'aria-label': t(lang, 'layerRenameLabel', { name }), onClick: () => startRename() }, t(lang, 'layerRename')),
      h('button', { type: 'button', class: 'layer-zoom', 'aria-label': t(lang, 'layerZoomLabel', { name }), onClick: () => on.onZoom(d.id) }, t(lang, 'layerZoom')),
      h('button', { type: 'button', class: 'layer-remove', 'aria-label': t(lang, 'layerRemoveLabel', { name }), onClick: () => on.onRemove(d.id) }, t(lang, 'layerRemove')),
    ) : null;
    const title = h('span', { class: 'layer-name' }, name);
    const li = h('li', { class: `layer layer-${d.kind}`, 'data-id': d.id },
      h('label', { class: 'layer-main' }, box,
        d.kind === 'import' ? null : h('span', { class: 'swatch layer-swatch report-swatch', 'aria-hidden': 'true' }),
        title),
      // Outside the label: choosing a colour must not toggle the layer.
      d.kind === 'import' ? h('input', {
        type: 'color', class: 'layer-colour', value: rgbHex(d.colour), 'aria-label': t(lang, 'layerColourLabel', { name }),
        onChange: (e: Event) => {
          const rgb = hexRgb((e.target as HTMLInputElement).value);
          if (rgb) on.onRecolour(d.id, rgb);
        },
      }) : null,
      h('span', { class: 'layer-count' }, t(lang, 'layerCount', { n: formatCount(count, lang) }),
        d.kind === 'import' && d.stored === 'session' ? ` · ${t(lang, 'layerSession')}` : ''),
      actions);
    function startRename(): void {
      const input = h('input', { type: 'text', class: 'layer-rename-input', value: name, maxlength: MAX_NAME, 'aria-label': t(lang, 'layerRenameLabel', { name }) });
      const done = (save: boolean) => {
        const v = input.value.trim().slice(0, MAX_NAME);
        if (save && v && v !== name) on.onRename(d.id, v);
        else input.replaceWith(title);
      };
      input.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') done(true);
        if (e.key === 'Escape') {
          e.stopPropagation();
          done(false);
        }
      });
      input.addEventListener('blur', () => input.isConnected && done(true));
      title.replaceWith(input);
      input.focus();
      input.select();
    }
    return li;
  });
  el.replaceChildren(
    h('h3', {}, t(lang, 'layersTitle')),
    h('ul', { class: 'layer-list', 'aria-label': t(lang, 'layersTitle') }, ...rows),
    datasets.some((d) => d.kind === 'import') ? '' : h('p', { class: 'empty' }, t(lang, 'layerNone')),
  );
}

export interface SketchLayerHandlers {
  onVisible(visible: boolean): void;
  onEdit(): void;
  onDownload(): void;
}

/** 我的标注 · My sketches as one layer: show/hide, open the sketch panel, download GeoJSON. */
export function renderSketchLayer(el: HTMLElement, count: number, visible: boolean, lang: Lang, on: SketchLayerHandlers): void {
  const name = t(lang, 'mySketches');
  el.replaceChildren(
    h('h3', {}, name),
    h('ul', { class: 'layer-list', 'aria-label': name },
      h('li', { class: 'layer layer-sketches' },
        h('label', { class: 'layer-main' },
          h('input', { type: 'checkbox', checked: visible, 'aria-label': t(lang, 'layerVisible', { name }), onChange: (e: Event) => on.onVisible((e.target as HTMLInputElement).checked) }),
          h('span', { class: 'swatch layer-swatch sketch-swatch', 'aria-hidden': 'true' }),
          h('span', { class: 'layer-name' }, name)),
        h('span', { class: 'layer-count' }, t(lang, 'layerCount', { n: formatCount(count, lang) })),
        h('div', { class: 'layer-actions' },
          h('button', { type: 'button', class: 'sketch-edit', onClick: () => on.onEdit() }, t(lang, 'sketchesEdit')),
          count ? h('button', { type: 'button', class: 'sketch-download', onClick: () => on.onDownload() }, t(lang, 'downloadSketches')) : null))),
  );
}
