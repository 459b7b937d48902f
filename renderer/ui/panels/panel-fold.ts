/**
 * Whether the Mask panel is unfolded, remembered across sessions (localStorage, as the last model is).
 * It starts unfolded: its controls are what a retoucher looks for there.
 */
const KEY = 'maskwork.maskPanelOpen';

export function maskPanelOpen(): boolean {
  try {
    return localStorage.getItem(KEY) !== '0';
  } catch {
    return true;
  }
}

export function rememberMaskPanelOpen(open: boolean): void {
  try {
    localStorage.setItem(KEY, open ? '1' : '0');
  } catch {
    // Storage may be unavailable (private profile); the panel then starts unfolded next time.
  }
}
