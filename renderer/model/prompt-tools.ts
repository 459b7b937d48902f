/**
 * Pure helpers of the Generate panel's prompt tools: which models take a seed, the recent prompts to
 * offer for a document, and a new preset from the prompt box. No store, no bridge.
 */
import type { ModelSpec } from '../../shared/models';
import { docKeyOf, type PromptHistory, type PromptPreset } from '../../shared/prompts/prompts';
import type { DocState } from './document-types';

/**
 * Models that take a seed. Only the offline engine: providers.md lists `seed` for BFL and Stability
 * (not offered here) and none for OpenAI image edits or Gemini image models.
 */
export function acceptsSeed(spec: ModelSpec): boolean {
  return spec.provider === 'local';
}

/** The key of a document's prompt history (the original's name and size), or null without one. */
export function docKey(doc: DocState | null): string | null {
  return doc ? docKeyOf(doc.original.name, doc.original.width, doc.original.height) : null;
}

/** Recent prompts to offer: this document's first, then the other ones (no repeats). */
export function recentPrompts(h: PromptHistory | undefined, key: string | null): { thisDoc: readonly string[]; others: readonly string[] } {
  if (!h) return { thisDoc: [], others: [] };
  const thisDoc = key ? (h.byDoc[key] ?? []) : [];
  return { thisDoc, others: h.global.filter((p) => !thisDoc.includes(p)) };
}

/** A preset id from its name ("Make it blue" → "make-it-blue"), unique among `taken`. */
export function presetIdFor(name: string, taken: readonly PromptPreset[]): string {
  const base =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 32) || 'preset';
  let id = base;
  for (let i = 2; taken.some((p) => p.id === id); i++) id = `${base}-${i}`;
  return id;
}
