/**
 * Brush opacity from the number keys, as in Photoshop: a digit sets tens (1 = 10 %, 0 = 100 %), and
 * two digits typed quickly set the percentage they spell (4 then 5 = 45 %, 0 then 5 = 5 %). The
 * second digit only set 50 %. A third digit starts again.
 */

/** How soon the second digit must follow the first to make one number (Photoshop's is about this). */
export const DIGIT_PAIR_MS = 600;

export interface DigitState {
  digit: number;
  at: number;
}

/** The opacity (0.01…1) for `digit` typed at `at` ms, and what the next digit pairs with. */
export function opacityFromDigit(prev: DigitState | null, digit: number, at: number): { opacity: number; next: DigitState | null } {
  if (prev && at - prev.at >= 0 && at - prev.at <= DIGIT_PAIR_MS) {
    const percent = prev.digit * 10 + digit;
    return { opacity: percent === 0 ? 1 : percent / 100, next: null };
  }
  return { opacity: (digit || 10) / 10, next: { digit, at } };
}
