import './style.css';
import { loadBaseMap } from './data/basemap';
import { loadProjects } from './data/projects';
import { t } from './i18n';
import { createMapView } from './map/map-view';
import { buildProjectLayers, toFeatures } from './map/project-layers';
import { showFatal, showStatus } from './ui/status-banner';

const statusEl = document.getElementById('status')!;
const lang = 'zh' as const;

async function start(): Promise<void> {
  const [base, data] = await Promise.all([loadBaseMap(), loadProjects()]);
  const view = createMapView({
    container: document.getElementById('map')!,
    base,
    lang,
    labels: { zoomIn: t(lang, 'zoomIn'), zoomOut: t(lang, 'zoomOut'), compass: t(lang, 'compass'), map: t(lang, 'map') },
  });
  const features = toFeatures(data.projects);
  const visible = new Float32Array(features.length).fill(1);
  view.setLayers(buildProjectLayers(features, data.links, { visible, filterVersion: 0, selectedId: null, hoveredId: null, scale: 1 }, () => {}, () => {}));
  (window as unknown as { __jzmap: unknown }).__jzmap = view;
  await view.whenIdle();
  showStatus(statusEl, '');
  document.body.dataset.ready = 'true';
}

start().catch((err) => {
  showFatal(statusEl, t(lang, 'loadFailed'), err);
  document.body.dataset.ready = 'error';
});
