/**
 * Prompt history and presets through the bridge (main keeps them in the app's settings). Every
 * Generate records its prompt (global and for the open photo); presets are saved or removed as a
 * whole list, validated in main.
 */
import type { PromptPreset } from '../../shared/prompts/prompts';
import { api, errorInfo, unwrap } from './bridge';
import { useEditor } from './store/store';
import { docKey, presetIdFor } from '../model/prompt-tools';

async function guarded(work: () => Promise<void>): Promise<boolean> {
  try {
    await work();
    return true;
  } catch (e) {
    const info = errorInfo(e);
    useEditor.getState().notify('error', info.message, info.kind);
    return false;
  }
}

/** Adds a prompt to the recent prompts (the open document's and the global list). Failures are silent: history is a convenience. */
export async function recordPrompt(prompt: string): Promise<void> {
  if (!prompt.trim()) return;
  const key = docKey(useEditor.getState().doc);
  try {
    useEditor.getState().setPrefs(await unwrap(api().prefs.prompt({ prompt, ...(key ? { docKey: key } : {}) })));
  } catch {
    // The Generate itself is unaffected.
  }
}

async function setPresets(presets: readonly PromptPreset[]): Promise<boolean> {
  return guarded(async () => {
    useEditor.getState().setPrefs(await unwrap(api().prefs.presets({ presets: JSON.stringify(presets) })));
  });
}

/** Saves the prompt box as a new preset and selects it. */
export async function savePreset(name: string, prompt: string, draft: boolean): Promise<boolean> {
  const s = useEditor.getState();
  const presets = s.prefs?.presets ?? [];
  const preset: PromptPreset = { id: presetIdFor(name, presets), name: name.trim(), prompt, draft };
  const ok = await setPresets([...presets, preset]);
  if (ok) useEditor.getState().setGen({ presetId: preset.id });
  return ok;
}

export async function deletePreset(id: string): Promise<boolean> {
  const s = useEditor.getState();
  const ok = await setPresets((s.prefs?.presets ?? []).filter((p) => p.id !== id));
  if (ok && useEditor.getState().gen.presetId === id) useEditor.getState().setGen({ presetId: null });
  return ok;
}
