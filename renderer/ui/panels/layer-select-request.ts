/**
 * A layer selection asked for from the keyboard (Alt+[ / Alt+], shortcuts.ts). The Layers panel owns
 * the selection and listens here; the store's selectedLayer only publishes the panel's choice.
 */
type Listener = (layerId: string) => void;
let listener: Listener | null = null;

/** The Layers panel selects this layer (nothing happens while the panel is not mounted). */
export function requestLayerSelect(layerId: string): void {
  listener?.(layerId);
}

/** The panel's listener; returns the function that removes it. */
export function onLayerSelectRequest(fn: Listener): () => void {
  listener = fn;
  return () => {
    if (listener === fn) listener = null;
  };
}
