/** Provider messages in the app's words: the model named as the catalog names it (error-mapping.ts). */
import { AppError } from '../../../shared/errors';
import { getModel } from '../../../shared/models/catalog';

/**
 * The message naming the model as the app does ("Nano Banana 2 (Gemini 3.1 Flash Image) rejected the
 * request"), not by its wire id: the renderer put names in its toasts, but a several-models line and
 * the batch queue showed main's message as it was ("Failed: gemini-3.1-flash-image rejected …"). The
 * id inside an address or a path the service quoted ("…/models/gemini-3.1-flash-image:batchGenerate…")
 * stays as it is; `info.model` stays the id (the renderer matches models by it). A gateway's model
 * (not in the catalog) keeps its own name.
 */
export function inWords(err: AppError, model: string): AppError {
  const name = getModel(model)?.name;
  if (!name || name === model) return err;
  const id = model.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const message = err.info.message.replace(new RegExp(`(?<![\\w/.:-])${id}(?![\\w.-]|:)`, 'g'), name);
  return message === err.info.message ? err : new AppError({ ...err.info, message });
}
