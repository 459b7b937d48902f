/**
 * The name a generated layer gets, in the app's Layers panel and in the files the command line
 * writes (PSD/TIFF layers): the prompt's first words and the model.
 */

/**
 * Prompt characters a layer name keeps: about what the row's two lines show. At 24, prompts that
 * start alike ("change the text from V1.0 to V2.0" / "…to V3.0") were both "Change the text from…".
 */
export const LAYER_NAME_PROMPT_CHARS = 48;

/**
 * A readable layer name: the prompt's first words (at most ~48 characters, cut at a word, "…" when
 * cut) and the model's display name — "Glass vase · GPT Image 2", "Fill · GPT Image 2" without a prompt.
 */
export function layerName(modelName: string, prompt: string, n = 1): string {
  const words = prompt.trim().replace(/\s+/g, ' ');
  let short = words;
  if (words.length > LAYER_NAME_PROMPT_CHARS) {
    const cut = words.slice(0, LAYER_NAME_PROMPT_CHARS);
    const space = cut.lastIndexOf(' ');
    short = `${(space > 8 ? cut.slice(0, space) : cut).replace(/[\s,.;:!?—-]+$/, '')}…`;
  }
  const head = short ? short[0].toUpperCase() + short.slice(1) : 'Fill';
  return `${head}${n > 1 ? ` ${n}` : ''} · ${modelName}`;
}
