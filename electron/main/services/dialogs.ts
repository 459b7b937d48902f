/** The OS dialogs main shows. Injected so the e2e harness can answer them (a native dialog cannot be driven). */
export interface Dialogs {
  /** Returns the chosen path or null when the user cancelled. */
  chooseImageToOpen(): Promise<string | null>;
  chooseExportPath(suggestedName: string, format: 'png' | 'jpeg' | 'webp'): Promise<string | null>;
}
