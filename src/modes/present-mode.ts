import type { CitywideItem } from '../data/citywide';
import type { Project } from '../data/projects';
import { t } from '../i18n';
import { JINGZHOU_BOUNDS } from '../map/bounds';
import type { MapView } from '../map/map-view';
import type { Presenter } from '../present/presenter';
import type { TourConfig } from '../present/tour-config';
import type { AppState } from '../state/app-state';
import { applyFilters } from '../state/filters';
import type { Store } from '../state/store';
import { h } from '../ui/dom';
import { guardPanel } from '../reliability/faults';
import { lazyPart } from '../reliability/lazy-part';

export interface PresentMode {
  enter(s: AppState): void;
  leave(s: AppState): void;
  /** Re-labels the mode's own controls. */
  relabel(s: AppState): void;
  /** Type and symbol scale: grows with the screen while presenting, 1 otherwise. */
  scale(): number;
}

/**
 * Presentation mode: hides the working panels (CSS, `body.presenting`), goes full screen, shows
 * the 大屏 side panels and the tour caption, and runs the Presenter over the filtered projects.
 */
export function createPresentMode(view: MapView, store: Store<AppState>, data: { projects: Project[]; citywide: () => Promise<CitywideItem[]> }, tour: TourConfig): PresentMode {
  const caption = h('section', { class: 'caption', 'aria-live': 'polite', hidden: true });
  const dashLeft = h('aside', { class: 'dash dash-left', hidden: true });
  const dashRight = h('aside', { class: 'dash dash-right', hidden: true });
  const exitBtn = h('button', { type: 'button', class: 'exit-present', hidden: true, onClick: () => store.set({ present: false }) });
  const parts = [caption, dashLeft, dashRight, exitBtn];
  view.map.getContainer().append(...parts);
  let presenter: Presenter | null = null;
  // The tour and the 大屏 panels are fetched at the first presentation; `entered` tells a load
  // that finishes after the person has already left (or left and come back) not to start.
  const loadShow = lazyPart('演示 Presenting', () => Promise.all([import('../present/presenter'), import('../ui/presentation')]));
  let entered = 0;
  let viewBefore: AppState['view'] = null;
  // Stops shown since the page loaded: lets tests and the benchmark follow a long run.
  let steps = 0;

  const scale = () =>
    store.get().present ? Math.max(1.4, Math.min(window.innerWidth / 1920, window.innerHeight / 1080) * 1.8) : 1;
  window.addEventListener('resize', () => store.get().present && view.setLanguage(store.get().lang, scale()));

  return {
    scale,
    relabel(s) {
      exitBtn.textContent = t(s.lang, 'exitPresent');
      exitBtn.setAttribute('aria-label', t(s.lang, 'exitPresent'));
    },
    enter(s) {
      viewBefore = s.view;
      document.body.classList.add('presenting');
      for (const el of parts) el.hidden = false;
      document.documentElement.requestFullscreen?.().catch(() => {
        /* refused without a user gesture (a kiosk link): a kiosk browser is full screen already */
      });
      view.map.resize();
      view.setLanguage(s.lang, scale());
      const shown = applyFilters(data.projects, s.filters);
      const visit = ++entered;
      void loadShow().then(([{ Presenter }, { renderCaption, renderDashboard }]) => {
        if (visit !== entered) return;
        // The figures arrive on their own: the tour does not wait for them.
        const dashboard = (items: CitywideItem[] | { failed: unknown }) => {
          if (visit !== entered) return;
          const ok = guardPanel(dashRight, 'dashboard', s.lang, () => {
            if (!Array.isArray(items)) throw items.failed;
            renderDashboard(dashLeft, dashRight, shown, items, s.lang);
          });
          if (!ok) dashLeft.replaceChildren();
        };
        void data.citywide().then(dashboard, (failed: unknown) => dashboard({ failed }));
        presenter = new Presenter(view, tour, {
          onChange: (stop, i, n, playing) => {
            renderCaption(caption, stop, i, n, playing, store.get().lang);
            // The project the tour shows is drawn emphasised.
            const shownId = stop.kind === 'project' ? stop.project.id : null;
            if (store.get().hoveredId !== shownId) store.set({ hoveredId: shownId });
            document.body.dataset.tourIndex = String(i);
            document.body.dataset.tourPlaying = String(playing);
            document.body.dataset.tourSteps = String(++steps);
          },
          onExit: () => store.set({ present: false }),
        });
        presenter.start(shown, true);
      });
    },
    leave(s) {
      entered++;
      presenter?.destroy();
      presenter = null;
      document.body.classList.remove('presenting');
      for (const el of parts) el.hidden = true;
      delete document.body.dataset.tourIndex;
      if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
      view.map.resize();
      view.setLanguage(s.lang, 1);
      // Back to where the person was.
      if (viewBefore) view.map.jumpTo({ center: view.display.toDisplay(viewBefore.center), zoom: viewBefore.zoom, bearing: viewBefore.bearing, pitch: viewBefore.pitch });
      else view.map.fitBounds(JINGZHOU_BOUNDS, { padding: 16, duration: 0, pitch: 0, bearing: 0 });
    },
  };
}
