/**
 * Under the prompt box: saved presets ("Remove object", "Change text to …", a draft preset that
 * Auto sends to the cheapest model), the recent prompts (this photo's first, then all), and saving
 * the prompt as a preset. History and presets live in main (the app's settings).
 */
import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { deletePreset, savePreset } from '../commands/prompts-client';
import { docKey, recentPrompts } from '../model/prompt-tools';
import { blankRange } from '../model/prompt-placeholder';
import { useEditor } from '../commands/store/store';
import { TEXT_KEYS } from './keyboard/field-focus';
import { usePromptPick } from './usePromptPick';

const short = (p: string) => (p.length > 60 ? `${p.slice(0, 59)}…` : p);

/**
 * A preset with a blank ("Change text to …"): the caret goes to the prompt with the "…" selected, so
 * the text typed next replaces it. The pick gave the keys back to the editor (a mouse pick leaves the
 * list, release-select-on-pick.ts; a key pick stayed on it), and the text typed then switched tools.
 * The box gets the preset and the caret at once, inside the pick (keys typed right after Enter, before
 * React showed the preset or a timer ran, went to the tool shortcuts on a busy machine); a task later,
 * once more if the focus went elsewhere meanwhile and the box still shows the preset untouched.
 */
function selectBlankSoon(prompt: string): void {
  const range = blankRange(prompt);
  if (!range) return;
  const find = () => document.querySelector<HTMLTextAreaElement>('.generate-panel textarea.prompt');
  const place = (box: HTMLTextAreaElement) => {
    box.focus();
    box.setSelectionRange(range.start, range.end);
  };
  const now = find();
  if (now) {
    // The store already holds `prompt`; React renders the same value, so the selection stays.
    now.value = prompt;
    place(now);
  }
  setTimeout(() => {
    const box = find();
    if (!box || box.value !== prompt || document.activeElement === box) return;
    place(box);
  }, 0);
}

export function PromptTools() {
  const { prefs, doc, gen } = useEditor(useShallow((s) => ({ prefs: s.prefs, doc: s.doc, gen: s.gen })));
  const setGen = useEditor((s) => s.setGen);
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState('');
  const [draft, setDraft] = useState(false);
  // "Save as preset…" puts the caret in the name field: typed letters went to the tool shortcuts
  // ("bold" switched brush, object select, lasso) instead of naming the preset.
  const nameField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (saving) nameField.current?.focus();
  }, [saving]);
  const presets = prefs?.presets ?? [];
  const recent = recentPrompts(prefs?.history, docKey(doc));
  const current = presets.find((p) => p.id === gen.presetId);
  const presetName = (p: (typeof presets)[number]) => `${p.name}${p.draft && !/\bdraft\b/i.test(p.name) ? ' (draft)' : ''}`;
  // ↑/↓ and letters preview a row; Enter (or a pick in the opened list) puts it in the prompt box.
  const presetPick = usePromptPick(
    [{ value: '', label: 'No preset' }, ...presets.map((p) => ({ value: p.id, label: presetName(p) }))],
    current ? current.id : '',
    (id) => {
      const p = presets.find((x) => x.id === id);
      setGen(p ? { presetId: p.id, ...(p.prompt ? { prompt: p.prompt } : {}) } : { presetId: null });
      if (p?.prompt) selectBlankSoon(p.prompt);
    },
  );
  const recentPick = usePromptPick(
    [{ value: '', label: 'Recent…' }, ...[...recent.thisDoc, ...recent.others].map((p) => ({ value: p, label: short(p) }))],
    '',
    (p) => {
      if (p) setGen({ prompt: p });
    },
  );
  const previewed = presets.find((p) => p.id === presetPick.preview);
  const preview =
    presetPick.preview !== null
      ? previewed
        ? `${presetName(previewed)}: ${previewed.prompt ? `“${short(previewed.prompt)}”` : 'keeps your prompt'}`
        : 'No preset (your prompt stays)'
      : recentPick.preview
        ? `“${short(recentPick.preview)}”`
        : null;

  const save = async () => {
    if (!name.trim()) return;
    if (await savePreset(name, gen.prompt, draft)) {
      setSaving(false);
      setName('');
      setDraft(false);
    }
  };

  return (
    <div className="prompt-tools">
      <div className="row">
        <select
          aria-label="Prompt preset"
          // The row's width (less the ✕ that deletes it): the chosen name reads whole; the tooltip says it too.
          title={current ? current.name : 'No preset'}
          {...{ [TEXT_KEYS]: '' }}
          value={presetPick.value}
          onKeyDown={presetPick.onKeyDown}
          onBlur={presetPick.onBlur}
          onPointerDown={presetPick.onPointerDown}
          onChange={(e) => presetPick.onPick(e.currentTarget.value)}
        >
          <option value="">No preset</option>
          {presets.map((p) => (
            <option key={p.id} value={p.id}>
              {presetName(p)}
            </option>
          ))}
        </select>
        {current && !saving && (
          <button
            type="button"
            aria-label="Delete preset"
            onClick={() => void deletePreset(current.id)}
            title={`Delete the preset “${current.name}”`}
          >
            ✕
          </button>
        )}
      </div>
      <div className="row">
        {!saving && (
          <button type="button" onClick={() => setSaving(true)} title="Save the prompt as a preset">
            Save as preset…
          </button>
        )}
        <select
          hidden={saving}
          className="recent-prompts"
          title="Recent prompts"
          aria-label="Recent prompts"
          {...{ [TEXT_KEYS]: '' }}
          value={recentPick.value}
          disabled={!recent.thisDoc.length && !recent.others.length}
          onKeyDown={recentPick.onKeyDown}
          onBlur={recentPick.onBlur}
          onPointerDown={recentPick.onPointerDown}
          onChange={(e) => recentPick.onPick(e.currentTarget.value)}
        >
          <option value="">Recent…</option>
          {recent.thisDoc.length > 0 && (
            <optgroup label="This photo">
              {recent.thisDoc.map((p) => (
                <option key={`d-${p}`} value={p}>
                  {short(p)}
                </option>
              ))}
            </optgroup>
          )}
          {recent.others.length > 0 && (
            <optgroup label="All photos">
              {recent.others.map((p) => (
                <option key={`g-${p}`} value={p}>
                  {short(p)}
                </option>
              ))}
            </optgroup>
          )}
        </select>
        {saving && (
          <>
            <input
              ref={nameField}
              type="text"
              aria-label="Preset name"
              placeholder="Preset name"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') void save();
                if (e.key === 'Escape') setSaving(false);
              }}
            />
            <label className="inline" title="Auto sends a draft preset to the cheapest usable model">
              <input type="checkbox" checked={draft} onChange={(e) => setDraft(e.currentTarget.checked)} /> Draft
            </label>
            <button type="button" disabled={!name.trim()} onClick={() => void save()}>
              Save preset
            </button>
          </>
        )}
      </div>
      {preview && (
        <div className="muted prompt-preview" role="status" aria-label="Prompt preview">
          Preview — {preview}. Enter takes it, Esc keeps your prompt.
        </div>
      )}
    </div>
  );
}
