/**
 * A candidate's text check: "V2.0 ✓", "V2.O ✗ 1 character", "V2.0 ? O/0 unclear", "not checked: Chinese";
 * its tooltip and accessible name say the verdict in words ("1 character wrong: read V2.O, asked for V2.0").
 */
import type { CandidateResult } from '../../../shared/ipc/contract-types';
import { badgeText, verdictWords } from '../../../shared/text-check/text-match';

export function TextCheckBadge({ check }: { check: CandidateResult['textCheck'] }) {
  if (!check) return null;
  const text = badgeText(check);
  const words = verdictWords(check);
  const details = [
    words,
    `Requested: ${check.expected}`,
    `Read: ${readingLine(check.reading)}`,
    check.status === 'not-checked' ? `The installed OCR data reads Latin text only; ${check.note ?? 'this script'} cannot be checked.` : '',
    check.status !== 'not-checked' ? `Similarity ${(check.similarity * 100).toFixed(0)} %` : '',
    check.oldGone === false ? 'The old text is still there' : check.oldGone ? 'The old text is gone' : '',
    check.status !== 'not-checked' ? `Checked in ${(check.ms / 1000).toFixed(1)} s` : '',
  ].filter(Boolean);
  return (
    <span
      className={`text-badge text-${check.status}`}
      data-testid="text-badge"
      data-status={check.status}
      role="img"
      aria-label={words}
      title={details.join('\n')}
    >
      {text}
    </span>
  );
}

/**
 * The OCR reading on one line for the tooltip: its line breaks and runs of spaces as one space, and
 * cut at 80 characters (a reading of a busy region can be a paragraph of stray letters).
 */
export function readingLine(reading: string): string {
  const one = reading.replace(/\s+/g, ' ').trim();
  if (!one) return '(nothing)';
  return one.length > 80 ? `${one.slice(0, 79)}…` : one;
}
