import type { AppState } from '../state/app-state';
import type { Store } from '../state/store';

/**
 * Exposes window.__jzbench.toggleTheme(n): unticks and reticks the first theme n times and
 * measures the main-thread time of each change, including the next frame deck.gl draws.
 */
export function installFilterBench(store: Store<AppState>, features: number): void {
  const frame = () => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));
  async function toggleTheme(n: number) {
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      await frame();
      const f = store.get().filters;
      const t0 = performance.now();
      const themes = f.themes.includes('urban') ? f.themes.filter((k) => k !== 'urban') : [...f.themes, 'urban' as const];
      store.set({ filters: { ...f, themes } });
      times.push(performance.now() - t0);
    }
    const sorted = [...times].sort((a, b) => a - b);
    return { features, samples: n, median: sorted[Math.floor(n / 2)], max: sorted[n - 1] };
  }
  (window as unknown as { __jzbench: unknown }).__jzbench = { toggleTheme };
}
