/** Epoch milliseconds with sub-millisecond resolution, the clock the renderer's edit spans use too. */
export const wallClock = (): number => performance.timeOrigin + performance.now();
