/**
 * `maskwork edit --mask` with a mask of another size than the image: the message says what to do
 * and names the masks beside the image that fit (it said only "The mask is 300×200 but the image is
 * 600×400; they must be the same size.", while coffee.mask-blob.png, -box and -thin sat beside it).
 */
import { AppError } from '../../shared/errors';
import { MaskSizeError } from '../main/edit/mask-file';
import { fittingMasks } from '../main/batch/batch-item';

/** "a.png", "a.png or b.png", "a.png, b.png or c.png". */
const orList = (names: readonly string[]) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`);

/** `e` as the CLI says it: both sizes, the mask as given on the command line, and what would fit. */
export async function cliMaskSizeError(image: string, mask: { given: string; path: string }, e: MaskSizeError): Promise<AppError> {
  const size = `${e.image.width}×${e.image.height}`;
  const fit = await fittingMasks({ image, mask: mask.path }, e.image).catch(() => []);
  const fix = fit.length
    ? `--mask ${orList(fit)} (beside the image) ${fit.length === 1 ? 'is' : 'are'} ${size}`
    : `give --mask a ${size} mask`;
  return new AppError({
    kind: 'invalid-request',
    message: `The mask “${mask.given}” is ${e.mask.width}×${e.mask.height} but the image is ${size}; a mask must be the size of its image: ${fix}.`,
    rule: 'mask size',
  });
}

/** `reading`, with a mask-size error said as {@link cliMaskSizeError} says it. */
export async function withMaskAdvice<T>(reading: Promise<T>, image: string, mask: { given: string; path: string }): Promise<T> {
  try {
    return await reading;
  } catch (e) {
    throw e instanceof MaskSizeError ? await cliMaskSizeError(image, mask, e) : e;
  }
}
