import type { Project } from '../data/projects';
import type { MapView } from '../map/map-view';
import { JINGZHOU_BOUNDS } from '../map/bounds';
import { buildTour, type TourStop } from './tour';
import type { TourConfig } from './tour-config';

export interface PresenterEvents {
  /** The stop shown changed (index, stops) or the tour paused/resumed. */
  onChange(stop: TourStop, index: number, total: number, playing: boolean): void;
  onExit(): void;
}

const TOUR_KEYS_NEXT = new Set(['PageDown', 'ArrowRight', 'ArrowDown']);
const TOUR_KEYS_PREV = new Set(['PageUp', 'ArrowLeft', 'ArrowUp']);

/**
 * Runs the guided tour on the map: the camera flies to each stop in bounded time, advancing by
 * clicker keys or a timer. Any pointer or touch input pauses; after `idle` ms without input it
 * resumes. Knows nothing of the DOM panels: it reports through `events`.
 */
export class Presenter {
  private stops: TourStop[] = [];
  private index = 0;
  private playing = false;
  private stepTimer: ReturnType<typeof setTimeout> | undefined;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly abort = new AbortController();

  constructor(private readonly view: MapView, private readonly config: TourConfig, private readonly events: PresenterEvents) {
    const opts = { signal: this.abort.signal, capture: true };
    window.addEventListener('keydown', (e) => this.onKey(e), opts);
    for (const type of ['pointerdown', 'touchstart', 'wheel'] as const) window.addEventListener(type, () => this.onUserInput(), { ...opts, passive: true });
  }

  /** Rebuilds the tour from the currently shown projects and starts at the overview. */
  start(shown: Project[], play: boolean): void {
    this.stops = buildTour(shown, JINGZHOU_BOUNDS);
    this.index = 0;
    this.show();
    if (play) this.play();
    else this.pause();
  }

  get current(): { index: number; total: number; playing: boolean } {
    return { index: this.index, total: this.stops.length, playing: this.playing };
  }

  next(): void {
    this.index = (this.index + 1) % this.stops.length;
    this.show();
    if (this.playing) this.schedule();
  }

  prev(): void {
    this.index = (this.index - 1 + this.stops.length) % this.stops.length;
    this.show();
    if (this.playing) this.schedule();
  }

  play(): void {
    this.playing = true;
    clearTimeout(this.idleTimer);
    this.schedule();
    this.emit();
  }

  pause(): void {
    this.playing = false;
    clearTimeout(this.stepTimer);
    this.emit();
  }

  /** Stops every timer and listener. */
  destroy(): void {
    clearTimeout(this.stepTimer);
    clearTimeout(this.idleTimer);
    this.abort.abort();
  }

  private schedule(): void {
    clearTimeout(this.stepTimer);
    this.stepTimer = setTimeout(() => this.next(), this.config.interval);
  }

  /** (Re)starts the wait after which a paused tour plays again. */
  private resumeWhenIdle(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.play(), this.config.idle);
  }

  private onUserInput(): void {
    if (this.playing) this.pause();
    this.resumeWhenIdle();
  }

  private onKey(e: KeyboardEvent): void {
    if (e.target instanceof HTMLInputElement) return;
    if (TOUR_KEYS_NEXT.has(e.key)) this.next();
    else if (TOUR_KEYS_PREV.has(e.key)) this.prev();
    else if (e.key === ' ') (this.playing ? this.pause() : this.play());
    else if (e.key === 'Escape') return this.events.onExit();
    else return;
    e.preventDefault();
    e.stopPropagation();
    // A clicker key is the presenter at work: hold off the idle resume like any input.
    if (!this.playing) this.resumeWhenIdle();
  }

  private show(): void {
    const stop = this.stops[this.index];
    if (!stop) return;
    // Each flight takes bounded time: at most 40 % of the stop, never more than 3 s.
    const duration = Math.min(3000, this.config.interval * 0.4);
    const [w, s, e, n] = stop.bounds;
    const pitch = stop.kind === 'project' && stop.project.kind !== 'point' ? 40 : 0;
    const padding = { top: 80, bottom: 260, left: 80, right: 80 };
    // Stops are WGS-84; the camera goes where the base map draws them.
    if (w === e && s === n) this.view.map.flyTo({ center: this.view.display.toDisplay([w, s]), zoom: 13, pitch: 45, bearing: 0, duration, essential: true });
    else {
      const cam = this.view.map.cameraForBounds(this.view.display.bounds([[w, s], [e, n]]), { padding, maxZoom: 14, pitch });
      if (cam) this.view.map.flyTo({ ...cam, pitch, bearing: 0, duration, essential: true });
    }
    this.emit();
  }

  private emit(): void {
    const stop = this.stops[this.index];
    if (stop) this.events.onChange(stop, this.index, this.stops.length, this.playing);
  }
}

