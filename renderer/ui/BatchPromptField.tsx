/**
 * The new batch's prompt. Left empty with a cloud model, every image is sent main's removal prompt
 * (shared/prompts/remove-prompt.ts), as an empty prompt in Generate is: the line under it says so.
 * It was required ("Type a prompt" greyed Start batch out).
 */
import { EMPTY_PROMPT_NOTE } from '../../shared/prompts/remove-prompt';
import { useId } from 'react';
import { TypingTextarea } from './TypingTextarea';

/** `local`: the batch's model is the offline engine (it reads no prompt). */
export function BatchPromptField({ prompt, local, onChange }: { prompt: string; local: boolean; onChange: (p: string) => void }) {
  const id = useId();
  return (
    <>
      <label className="batch-field" htmlFor={id}>
        Prompt
        <TypingTextarea
          id={id}
          aria-label="Batch prompt"
          rows={2}
          placeholder={local ? 'Offline fill reads no prompt' : 'Empty: remove what is masked'}
          value={prompt}
          onValue={onChange}
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
