import type { MapSourceDataEvent } from 'maplibre-gl';
import { t } from '../i18n';
import type { MapView } from '../map/map-view';
import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';
import { h } from '../ui/dom';
import {
  BasemapConfigError, CUSTOM_ID, EMBEDDED_ID, EMBEDDED_ONLY, KEY_RE, redactKeys,
  type BasemapSource, type BasemapsConfig, type CustomInput,
} from './config';
import { ApprovalControl, BasemapControl, type PanelModel } from './control';
import { IDENTITY, isCrs, loadDisplayTransform, type DisplayTransform } from './display-crs';
import { classify, reasonText, type Failure } from './failure';
import { lazyPart, PartLoadError } from '../reliability/lazy-part';
import type { loadStyle } from './styles';

// Reading a base map's style is fetched with the first base map other than the embedded one.
const styles = lazyPart('底图 Base map', () => import('./styles'));
// Reading basemaps.json (and a user's own base map, offered only by one) when a deployment has one.
let parser: typeof import('./config-parse') | null = null;
const configParser = lazyPart('底图 Base map', () => import('./config-parse').then((m) => (parser = m)));

const CHOICE_KEY = 'jzmap.basemap';
const KEYS_KEY = 'jzmap.basemap.keys';
const CUSTOM_KEY = 'jzmap.basemap.custom';
/** Tile errors in a row, after tiles had loaded, that count as the base map failing. */
const ERRORS_IN_A_ROW = 6;

function readJson<T>(key: string): T | null {
  try {
    return JSON.parse(localStorage.getItem(key) ?? 'null') as T | null;
  } catch {
    return null;
  }
}
function writeStorage(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    /* storage off (private mode): the choice lives in the URL only */
  }
}

/**
 * Fetches the deployment's basemaps.json (beside index.html). A missing file means the embedded
 * map only, quietly; a broken one is reported and the embedded map still works.
 */
export async function loadBasemapConfig(): Promise<{ config: BasemapsConfig; problems: string[] }> {
  let res: Response;
  try {
    res = await fetch(new URL('basemaps.json', document.baseURI), { cache: 'no-cache' });
  } catch {
    return { config: EMBEDDED_ONLY, problems: [] };
  }
  if (res.status === 404) return { config: EMBEDDED_ONLY, problems: [] };
  if (!res.ok) return { config: EMBEDDED_ONLY, problems: [`basemaps.json — HTTP ${res.status}`] };
  try {
    const [{ parseConfig }, text] = await Promise.all([configParser(), res.text()]);
    return parseConfig(text, document.baseURI);
  } catch (e) {
    return { config: EMBEDDED_ONLY, problems: [e instanceof BasemapConfigError || e instanceof PartLoadError ? e.message : 'basemaps.json'] };
  }
}

/**
 * The base maps: loads the deployment's list, puts the 底图 control on the map, shows the chosen
 * base map (from the URL, else this browser's last choice, else the deployment's default), watches
 * its tiles and falls back to the embedded map with a message when they fail. `onDisplayChange`
 * is called when overlays must be redrawn in another coordinate system.
 */
export function createBasemapMode(view: MapView, store: Store<AppState>, onDisplayChange: () => void): void {
  const map = view.map;
  let config: BasemapsConfig | null = null;
  let problems: string[] = [];
  let shown = EMBEDDED_ID;
  let seq = 0;
  let stopWatch = () => {};
  let askKeyFor: BasemapSource | null = null;
  let keyError = false;
  let customError: string | null = null;
  const keys: Record<string, string> = readJson<Record<string, string>>(KEYS_KEY) ?? {};

  const control = new BasemapControl({
    choose: (id) => {
      askKeyFor = null;
      keyError = false;
      const src = sourceById(id);
      if (src && needsKey(src)) {
        askKeyFor = src;
        render();
        return;
      }
      choose(id);
    },
    setKey: (id, key) => {
      if (!KEY_RE.test(key)) {
        keyError = true;
        render();
        return;
      }
      keys[id] = key;
      writeStorage(KEYS_KEY, JSON.stringify(keys));
      askKeyFor = null;
      keyError = false;
      choose(id, true);
    },
    confirmCustom: (input) => {
      // Offered only by a parsed basemaps.json, so its parser is in.
      const src = parser ? parser.customSource(input, document.baseURI) : { error: '底图设置未载入 the base-map settings are not loaded' };
      if ('error' in src) {
        customError = src.error;
        render();
        return;
      }
      customError = null;
      writeStorage(CUSTOM_KEY, JSON.stringify(input));
      choose(CUSTOM_ID, true);
    },
  });
  const approval = new ApprovalControl();
  map.addControl(control, 'top-right');
  map.addControl(approval, 'bottom-left');
  const message = h('div', { class: 'basemap-message', role: 'alert', hidden: true });
  map.getContainer().append(message);

  // MapLibre logs map errors to the console only when nobody listens. Tile errors of the base map
  // are handled below (and may carry a key in their URL); any other error is logged as before,
  // with keys blanked out.
  let onTileError: ((e: { error: unknown; sourceId?: string }) => boolean) | null = null;
  map.on('error', (e: { error: unknown; sourceId?: string }) => {
    if (onTileError?.(e)) return;
    console.error(redactKeys(String((e.error as Error)?.message ?? e.error), Object.values(keys)));
  });

  function customInput(): CustomInput | null {
    const c = readJson<CustomInput>(CUSTOM_KEY);
    return c && (c.kind === 'xyz' || c.kind === 'style') && typeof c.url === 'string' && isCrs(c.crs) ? c : null;
  }
  function sourceById(id: string): BasemapSource | null {
    if (id === CUSTOM_ID) {
      const c = config?.allowCustom ? customInput() : null;
      const src = c && parser ? parser.customSource(c, document.baseURI) : null;
      return src && !('error' in src) ? src : null;
    }
    return config?.basemaps.find((b) => b.id === id) ?? null;
  }
  const timeoutOf = (src: { timeoutMs?: number }) => src.timeoutMs ?? config?.timeoutMs ?? 15000;
  const keyOf = (src: BasemapSource) => (src.key || keys[src.id]) ?? undefined;
  const needsKey = (src: BasemapSource) => src.key !== undefined && !keyOf(src);

  function choose(id: string, force = false): void {
    if (force && store.get().basemap === id) void show(id);
    else store.set({ basemap: id });
  }

  function render(): void {
    const lang = store.get().lang;
    const custom = config?.allowCustom ? customInput() : null;
    const sources = [...(config?.basemaps ?? [])];
    const customSrc = custom ? sourceById(CUSTOM_ID) : null;
    if (customSrc) sources.push(customSrc);
    const model: PanelModel = {
      lang, sources, current: shown, askKeyFor, keyError, customError,
      missingKey: new Set(sources.filter(needsKey).map((s) => s.id)),
      allowCustom: config?.allowCustom ?? false, custom,
    };
    control.render(model);
  }

  function say(text: string | null): void {
    message.replaceChildren();
    message.hidden = !text;
    if (!text) return;
    const close = h('button', { type: 'button', class: 'close', 'aria-label': t(store.get().lang, 'close'), onClick: () => say(null) }, '×');
    message.append(h('p', {}, text), close);
  }

  function showEmbedded(): void {
    stopWatch();
    if (shown === EMBEDDED_ID && view.display === IDENTITY) return;
    view.setBaseMap(null, IDENTITY, null);
    approval.set(null);
    shown = EMBEDDED_ID;
    document.body.dataset.basemap = EMBEDDED_ID;
    document.body.dataset.basemapState = 'ok';
    onDisplayChange();
    render();
  }

  function fail(src: { id: string; name: BasemapSource['name']; keyLabel?: string; timeoutMs?: number }, f: Failure): void {
    const lang = store.get().lang;
    const why = reasonText(lang, f, { keyLabel: src.keyLabel, timeoutMs: timeoutOf(src), id: src.id });
    say(t(lang, 'basemapFailed', { name: src.name[lang], reason: why }));
    if (f.reason === 'noKey' || f.reason === 'forbidden') {
      const s = sourceById(src.id);
      if (s && s.key !== undefined) {
        askKeyFor = s;
        control.toggle(true);
      }
    }
    showEmbedded();
    render();
    document.body.dataset.basemapState = 'failed';
    document.body.dataset.basemapFailure = f.reason;
    if (store.get().basemap !== EMBEDDED_ID) store.set({ basemap: EMBEDDED_ID });
  }

  async function show(id: string): Promise<void> {
    const token = ++seq;
    stopWatch();
    if (id === EMBEDDED_ID) {
      showEmbedded();
      writeStorage(CHOICE_KEY, EMBEDDED_ID);
      return;
    }
    const src = sourceById(id);
    if (!src) return fail({ id, name: { zh: id, en: id } }, { reason: 'unlisted' });
    if (needsKey(src)) return fail(src, { reason: 'noKey' });
    if (navigator.onLine === false) return fail(src, { reason: 'offline' });
    document.body.dataset.basemapState = 'loading';
    let loaded: Awaited<ReturnType<typeof loadStyle>>;
    let display: DisplayTransform;
    try {
      [loaded, display] = await Promise.all([styles().then((m) => m.loadStyle(src, keyOf(src), timeoutOf(src))), loadDisplayTransform(src.crs)]);
    } catch (e) {
      if (token === seq) fail(src, classify(e));
      return;
    }
    if (token !== seq) return;
    say(null);
    view.setBaseMap(loaded.build, display, src.attribution);
    approval.set(src.approval ? `${t(store.get().lang, 'basemapApproval')}：${src.approval.replace(/^审图号[:：]?\s*/, '')}` : null);
    shown = id;
    document.body.dataset.basemap = id;
    writeStorage(CHOICE_KEY, id);
    watch(src, loaded.sources, token);
    onDisplayChange();
    render();
  }

  /**
   * Fails the base map when its tiles do not come: an error before any tile, a refusal, many
   * errors in a row, or no tile within the time limit of the map first asking for one (counted
   * from the request, so a slow device drawing its first frame is not taken for a dead server).
   */
  function watch(src: BasemapSource, sourceIds: string[], token: number): void {
    let ok = false;
    let errors = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const limit = timeoutOf(src);
    const done = () => token !== seq;
    const onLoading = (e: MapSourceDataEvent) => {
      if (done() || ok || timer !== undefined || !sourceIds.includes(e.sourceId)) return;
      timer = setTimeout(() => !done() && !ok && fail(src, { reason: 'timeout' }), limit);
    };
    const onData = (e: MapSourceDataEvent) => {
      if (done() || !sourceIds.includes(e.sourceId)) return;
      // A tile arrived; for a vector source, its TileJSON (the PMTiles header) also proves the file is reachable.
      if (e.tile || (src.type !== 'raster' && e.sourceDataType === 'metadata')) {
        errors = 0;
        if (!ok) {
          ok = true;
          clearTimeout(timer);
          clearTimeout(backstop);
          document.body.dataset.basemapState = 'ok';
        }
      }
    };
    onTileError = (e) => {
      if (done() || !e.sourceId || !sourceIds.includes(e.sourceId)) return false;
      const f = classify(e.error);
      if (!ok || f.reason === 'forbidden' || ++errors >= ERRORS_IN_A_ROW) fail(src, f);
      return true;
    };
    // A backstop for a source that never even gets to ask for a tile (its TileJSON or header hangs).
    const backstop = setTimeout(() => !done() && !ok && fail(src, { reason: 'timeout' }), Math.max(limit * 4, 60_000));
    map.on('sourcedata', onData);
    map.on('sourcedataloading', onLoading);
    stopWatch = () => {
      clearTimeout(timer);
      clearTimeout(backstop);
      map.off('sourcedata', onData);
      map.off('sourcedataloading', onLoading);
      onTileError = null;
      stopWatch = () => {};
    };
  }

  store.subscribe((s, prev) => {
    if (config && s.basemap !== prev.basemap && s.basemap !== null && s.basemap !== shown) void show(s.basemap);
    if (s.lang !== prev.lang) render();
  });

  render();
  // The embedded map needs nothing from basemaps.json: unless this visit asks for another base
  // map (its URL or the last choice), the list is read once the map is first drawn.
  const asked = store.get().basemap ?? readStoredChoice();
  const when = asked && asked !== EMBEDDED_ID ? Promise.resolve() : view.whenIdle();
  void when.then(loadBasemapConfig).then((loaded) => {
    config = loaded.config;
    problems = loaded.problems;
    if (problems.length) say(`${t(store.get().lang, 'basemapConfigBad')} ${problems.join('; ')}`);
    render();
    const wanted = store.get().basemap ?? readStoredChoice() ?? config.defaultId;
    // Setting the store shows it (see the subscription); an unchanged choice is shown here.
    if (store.get().basemap !== wanted) store.set({ basemap: wanted });
    else if (wanted !== EMBEDDED_ID) void show(wanted);
  });
}

function readStoredChoice(): string | null {
  try {
    return localStorage.getItem(CHOICE_KEY);
  } catch {
    return null;
  }
}
