/**
 * Whether a foldable panel or group is unfolded, remembered across sessions (localStorage, as the last
 * model is). The Mask panel starts unfolded: its controls are what a retoucher looks for there. The
 * Generate panel's Edge group starts folded to one line with its values (at 1280×800 its three rows
 * and the text check were below the fold).
 */
const KEY = 'maskwork.maskPanelOpen';
const EDGE_KEY = 'maskwork.edgeGroupOpen';

function read(key: string, fallback: boolean): boolean {
  try {
    const v = localStorage.getItem(key);
    return v === null ? fallback : v !== '0';
  } catch {
    return fallback;
  }
}

function write(key: string, open: boolean): void {
  try {
    localStorage.setItem(key, open ? '1' : '0');
  } catch {
    // Storage may be unavailable (private profile); the fold then starts as by default next time.
  }
}

export function maskPanelOpen(): boolean {
  return read(KEY, true);
}

export function rememberMaskPanelOpen(open: boolean): void {
  write(KEY, open);
}

export function edgeGroupOpen(): boolean {
  return read(EDGE_KEY, false);
}

export function rememberEdgeGroupOpen(open: boolean): void {
  write(EDGE_KEY, open);
}
