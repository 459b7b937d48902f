/**
 * The new batch's prompt. Left empty with a cloud model, every image is sent main's removal prompt
 * (shared/prompts/remove-prompt.ts), as an empty prompt in Generate is: the line under it says so.
 * It was required ("Type a prompt" greyed Start batch out).
 */
import { EMPTY_PROMPT_NOTE } from '../../shared/prompts/remove-prompt';

/** `local`: the batch's model is the offline engine (it reads no prompt). */
export function BatchPromptField({ prompt, local, onChange }: { prompt: string; local: boolean; onChange: (p: string) => void }) {
  return (
    <>
      <label className="batch-field">
        Prompt
        <textarea
          aria-label="Batch prompt"
          rows={2}
          placeholder={local ? 'Offline fill reads no prompt' : 'Empty: remove what is masked'}
          value={prompt}
          onChange={(e) => onChange(e.target.value)}
        />
      </label>
      {!local && !prompt.trim() && (
        <p className="muted" role="note" aria-label="Empty prompt">
          {EMPTY_PROMPT_NOTE} — for every image.
        </p>
      )}
    </>
  );
}
