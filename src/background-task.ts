/**
 * Resolves in a task of background priority (`scheduler.postTask`): after the frames, input and
 * messages already waiting, MapLibre's replies from its worker among them. Used at start for work
 * the first view does not need (the panels, the map's controls). Where the browser has no
 * scheduler (Safari, Firefox), in the next task.
 */
export function backgroundTask(): Promise<void> {
  return new Promise((resolve) => {
    const sched = (globalThis as unknown as { scheduler?: { postTask(cb: () => void, o: { priority: string }): Promise<void> } }).scheduler;
    if (sched) void sched.postTask(resolve, { priority: 'background' });
    else setTimeout(resolve, 0);
  });
}
