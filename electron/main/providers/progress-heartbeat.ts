/**
 * A time-based heartbeat for work that reports progress rarely (the offline engine finishes a whole
 * pyramid level between reports; an 8:1 extension sat at 2 % for 70 s). Between real reports it
 * creeps forward — toward half of what remains, on the time scale of the expected duration — so the
 * bar moves at least every `intervalMs`, never reaches 1 and never goes backwards; a real report
 * always wins when it is further on.
 */
export interface Heartbeat {
  /** A real progress report (0..1), passed through when it moves forward. */
  report(fraction: number): void;
  stop(): void;
}

export interface HeartbeatOptions {
  /** Expected duration of the whole work (ms); sets how fast the creep goes. */
  expectedMs: number;
  intervalMs?: number;
  now?: () => number;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (h: unknown) => void;
}

/** The creep approaches this and never reaches it: only a real report says "done". */
const CREEP_CAP = 0.999;
/** Each beat closes at least this share of the gap to the cap, so the value always moves. */
const MIN_SHARE = 0.02;

export function startHeartbeat(emit: (fraction: number) => void, o: HeartbeatOptions): Heartbeat {
  const now = o.now ?? Date.now;
  const every = o.intervalMs ?? 500;
  const tau = Math.max(500, o.expectedMs);
  let real = 0;
  let realAt = now();
  let shown = 0;
  let lastEmit = now();
  const show = (f: number) => {
    shown = f;
    lastEmit = now();
    emit(f);
  };
  const handle = (o.setInterval ?? setInterval)(() => {
    if (now() - lastEmit < every * 0.9) return;
    const creep = real + (1 - real) * 0.5 * (1 - Math.exp(-(now() - realAt) / tau));
    const next = Math.min(CREEP_CAP, Math.max(creep, shown + (CREEP_CAP - shown) * MIN_SHARE));
    if (next > shown) show(next);
  }, every);
  return {
    report(fraction) {
      const f = Math.max(0, Math.min(1, fraction));
      if (f <= real && f < 1) return;
      real = f;
      realAt = now();
      if (f > shown || f >= 1) show(Math.max(f, shown));
    },
    stop() {
      (o.clearInterval ?? ((h) => clearInterval(h as ReturnType<typeof setInterval>)))(handle);
    },
  };
}
