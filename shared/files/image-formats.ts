/**
 * The image files Maskwork opens by name: Ctrl+O's dialog, the OS's "Open with" (package.json
 * build.fileAssociations, tested), and a batch's Add images… dialog, folder and dropped files. One
 * list, so they cannot drift apart (the batch's lacked .gif and .avif, which Ctrl+O opened).
 */
export const OPENABLE_IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'tif', 'tiff', 'gif', 'avif', 'psd'] as const;

/** The list as messages name it, one name per format: "jpg, png, webp, tif, gif, avif, psd". */
export const OPENABLE_IMAGE_NAMES = OPENABLE_IMAGE_EXTENSIONS.filter((e) => e !== 'jpeg' && e !== 'tiff').join(', ');

/** Whether a file's name ends in one of the openable image extensions (any case). */
export function hasImageExtension(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && (OPENABLE_IMAGE_EXTENSIONS as readonly string[]).includes(name.slice(dot + 1).toLowerCase());
}
