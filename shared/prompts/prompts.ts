/**
 * Prompt history and saved prompt presets: plain data kept by main in the app's settings, shown in
 * the Generate panel. Recent prompts are kept globally and per document (newest first, no repeats);
 * presets are named prompts ("Remove object", "Change text to …"), one of them may be a draft (Auto
 * then picks the cheapest model). Pure.
 */

export interface PromptPreset {
  /** Stable id. */
  readonly id: string;
  readonly name: string;
  /** The prompt the preset puts in the box; empty keeps the prompt you typed. */
  readonly prompt: string;
  /** A draft preset: Auto's "draft" rule sends it to the cheapest usable model. */
  readonly draft: boolean;
}

export interface PromptHistory {
  /** Newest first, across documents. */
  readonly global: readonly string[];
  /** Newest first, by document key (the original's file name and size). */
  readonly byDoc: Readonly<Record<string, readonly string[]>>;
}

export const HISTORY_MAX = 30;
const DOCS_MAX = 100;
const PROMPT_MAX_CHARS = 4000;
const PRESETS_MAX = 50;

export const EMPTY_HISTORY: PromptHistory = { global: [], byDoc: {} };

export const DEFAULT_PRESETS: readonly PromptPreset[] = [
  {
    id: 'remove-object',
    name: 'Remove object',
    prompt: 'Remove the object and continue the background naturally, same light and texture',
    draft: false,
  },
  {
    id: 'change-text',
    name: 'Change text to …',
    prompt: 'Change the text to "…", keeping the font, colour, size and perspective',
    draft: false,
  },
  {
    id: 'extend-background',
    name: 'Extend the background',
    prompt: 'Extend the background seamlessly with the same lighting and perspective, no new objects',
    draft: false,
  },
  { id: 'draft', name: 'Draft (cheapest model)', prompt: '', draft: true },
];

/** `list` with `prompt` in front (trimmed; an earlier copy removed), at most `max`. Blank prompts change nothing. */
export function pushRecent(list: readonly string[], prompt: string, max = HISTORY_MAX): readonly string[] {
  const p = prompt.trim().slice(0, PROMPT_MAX_CHARS);
  if (!p) return list;
  return [p, ...list.filter((x) => x !== p)].slice(0, max);
}

/** The history after a Generate with `prompt` on the document `docKey` (null: global only). */
export function recordPrompt(h: PromptHistory, prompt: string, docKey: string | null): PromptHistory {
  const global = pushRecent(h.global, prompt);
  if (global === h.global) return h;
  if (!docKey) return { global, byDoc: h.byDoc };
  const { [docKey]: prev, ...rest } = h.byDoc;
  const byDoc: Record<string, readonly string[]> = { ...rest, [docKey]: pushRecent(prev ?? [], prompt) };
  const keys = Object.keys(byDoc);
  for (const k of keys.slice(0, Math.max(0, keys.length - DOCS_MAX))) delete byDoc[k];
  return { global, byDoc };
}

const strings = (x: unknown, max: number): string[] =>
  Array.isArray(x)
    ? x.filter((s): s is string => typeof s === 'string' && s.trim().length > 0 && s.length <= PROMPT_MAX_CHARS).slice(0, max)
    : [];

/** History read from disk → well-formed entries only. */
export function parseHistory(x: unknown): PromptHistory {
  if (typeof x !== 'object' || x === null) return EMPTY_HISTORY;
  const o = x as Record<string, unknown>;
  const byDoc: Record<string, readonly string[]> = {};
  if (typeof o.byDoc === 'object' && o.byDoc !== null && !Array.isArray(o.byDoc)) {
    for (const [k, v] of Object.entries(o.byDoc).slice(-DOCS_MAX)) {
      const list = strings(v, HISTORY_MAX);
      if (k.length <= 600 && list.length) byDoc[k] = list;
    }
  }
  return { global: strings(o.global, HISTORY_MAX), byDoc };
}

/** Presets read from disk or sent by the renderer → valid presets, or null when any entry is malformed. */
export function parsePresets(x: unknown): PromptPreset[] | null {
  if (!Array.isArray(x) || x.length > PRESETS_MAX) return null;
  const ids = new Set<string>();
  const out: PromptPreset[] = [];
  for (const p of x) {
    if (typeof p !== 'object' || p === null) return null;
    const { id, name, prompt, draft } = p as Record<string, unknown>;
    if (typeof id !== 'string' || !/^[a-z0-9-]{1,40}$/.test(id) || ids.has(id)) return null;
    if (typeof name !== 'string' || !name.trim() || name.length > 80) return null;
    if (typeof prompt !== 'string' || prompt.length > PROMPT_MAX_CHARS || typeof draft !== 'boolean') return null;
    ids.add(id);
    out.push({ id, name: name.trim(), prompt, draft });
  }
  return out;
}

/** A document's key for its history: the original's name and pixel size ("box.jpg 6000×4000"). */
export function docKeyOf(name: string, width: number, height: number): string {
  return `${name.slice(0, 500)} ${width}×${height}`;
}
