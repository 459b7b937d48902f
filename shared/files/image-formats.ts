/**
 * The image files Maskwork opens by name: Ctrl+O's dialog, the OS's "Open with" (package.json
 * build.fileAssociations, tested), and a batch's Add images… dialog, folder and dropped files. One
 * list, so they cannot drift apart (the batch's lacked .gif and .avif, which Ctrl+O opened).
 */
export const OPENABLE_IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'tif', 'tiff', 'gif', 'avif', 'psd'] as const;

/** The list as messages name it, one name per format: "jpg, png, webp, tif, gif, avif, psd". */
export const OPENABLE_IMAGE_NAMES = OPENABLE_IMAGE_EXTENSIONS.filter((e) => e !== 'jpeg' && e !== 'tiff').join(', ');

/**
 * The formats a mask file may be in (read by sharp: batch masks, the CLI's --mask): the openable
 * images but a PSD (its layers are not a mask). The batch's One mask for all lists only these (it
 * offered Ctrl+O's list, .maskwork projects included).
 */
export const MASK_IMAGE_EXTENSIONS = OPENABLE_IMAGE_EXTENSIONS.filter((e) => e !== 'psd');

/** The list as messages name it: "png, jpg, webp, tif, gif or avif". */
export const MASK_IMAGE_NAMES = ((names: string[]) => `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`)([
  'png',
  ...MASK_IMAGE_EXTENSIONS.filter((e) => e !== 'png' && e !== 'jpeg' && e !== 'tiff'),
]);

/** Whether a file's name ends in one of the mask image extensions (any case). */
export function hasMaskImageExtension(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && (MASK_IMAGE_EXTENSIONS as readonly string[]).includes(name.slice(dot + 1).toLowerCase());
}

/** Whether a file's name ends in one of the openable image extensions (any case). */
export function hasImageExtension(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && (OPENABLE_IMAGE_EXTENSIONS as readonly string[]).includes(name.slice(dot + 1).toLowerCase());
}
