/** The text Gemini gets before the images of a masked edit (the live provider and the Batch API send the same). */

/** The instruction that turns the second image into a mask. */
export const GEMINI_MASK_INSTRUCTION =
  'Edit the first image. The second image is a mask of the same size: change only the white area according to the request; ' +
  'keep everything in the black area exactly as in the first image; keep the size and framing of the first image.';

/** The text part sent before the images: mask instruction, reference note, then the user's request. */
export function buildGeminiInstruction(prompt: string, referenceCount: number): string {
  let refs = '';
  if (referenceCount === 1)
    refs = ' The third image is a reference for the request; use it only as a visual reference and do not copy its framing.';
  if (referenceCount > 1)
    refs = ` Images 3 to ${referenceCount + 2} are references for the request; use them only as visual references and do not copy their framing.`;
  return `${GEMINI_MASK_INSTRUCTION}${refs}\n\nRequest: ${prompt}`;
}
