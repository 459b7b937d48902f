/**
 * The prompt a cloud model gets when the prompt box is left empty: Photoshop's Generative Fill with
 * no prompt removes what is selected and continues the surroundings, so an empty prompt does the
 * same here (it was refused: "Type a prompt"). Applied in main (run-edit), so the app and the CLI
 * send the same words; the offline engine never reads a prompt. It names no text in quotes, so the
 * text check never asks for any from it.
 */
export const REMOVE_PROMPT =
  'Remove what is inside the masked area and fill it with what surrounds it, matching texture, lighting and perspective; add nothing new.';

/** The prompt to send: the user's, or REMOVE_PROMPT when it is blank. */
export function promptOrRemove(prompt: string): string {
  return prompt.trim() ? prompt : REMOVE_PROMPT;
}

/** The Generate panel's line under an empty prompt with a cloud model. */
export const EMPTY_PROMPT_NOTE =
  "Empty prompt: the model removes what is masked and continues the surroundings, as Photoshop's Generative Fill does";

/**
 * The Generate panel's empty prompt box with a cloud model says what an empty prompt does, in the box
 * itself: a line under it moved the Model list as a cloud model was picked, and the rows below at the
 * first key typed.
 */
export const EMPTY_PROMPT_PLACEHOLDER = 'Empty: the model removes what is masked (Ctrl/⌘+Enter)';
