/** The OS dialogs main shows. Injected so the e2e harness can answer them (a native dialog cannot be driven). */
export interface Dialogs {
  /** Returns the chosen path or null when the user cancelled. */
  chooseImageToOpen(): Promise<string | null>;
  /**
   * The export target, or null when the user cancelled. A plain path means the user has confirmed
   * replacing an existing file (the native save dialog asks); `{ path, replaceExisting: false }` asks
   * main to refuse a file that already exists (the CLI without --overwrite, the dev host). `folder`:
   * where the dialog starts (the original photo's folder), when main knows one that exists.
   */
  chooseExportPath(
    suggestedName: string,
    format: 'png' | 'jpeg' | 'webp' | 'tiff' | 'psd',
    folder?: string,
  ): Promise<string | ExportTarget | null>;
  /**
   * Where to save a project (Save As, or the first Save), or null when cancelled. The native dialog
   * asks before replacing an existing file. Hosts without projects (the CLI) leave it out. `folder`:
   * where the dialog starts (the project's own folder, else the original photo's).
   */
  chooseProjectPath?(suggestedName: string, folder?: string): Promise<string | null>;
  /**
   * Batch: the One mask for all, listing mask image formats only (not Ctrl+O's projects and PSDs);
   * null when cancelled. Hosts without it ask with chooseImageToOpen (main refuses a file that is not a mask image).
   */
  chooseMaskToOpen?(): Promise<string | null>;
  /** Batch: several images at once; null when cancelled. Hosts without it cannot add batch files this way. */
  chooseImagesToOpen?(): Promise<string[] | null>;
  /** Batch: a folder of images to add, or the folder to export kept results into; null when cancelled. */
  chooseFolder?(purpose: 'images' | 'export'): Promise<string | null>;
}

export interface ExportTarget {
  path: string;
  replaceExisting: boolean;
}
