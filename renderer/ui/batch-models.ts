/** The models a new batch offers, and where it starts (BatchNew.tsx). */
import { getModel, offeredModels } from '../../shared/models';
import { useEditor } from '../commands/store/store';

export const MODELS = offeredModels().filter((m) => m.status === 'active');
export const batchApiFor = (model: string) => model === 'auto' || MODELS.find((m) => m.id === model)?.provider === 'gemini';
/** Why a model has no Batch API option: the offline engine runs here, and only Gemini offers one. */
export const noBatchApi = (model: string) =>
  getModel(model)?.provider === 'local'
    ? 'Offline fill runs on this computer, free: no Batch API (that is for Nano Banana models)'
    : `${getModel(model)?.name ?? 'This model'} is sent image by image: the half-price Batch API is for Nano Banana models only`;
/** Where a batch starts when Generate's model cannot run one (a gateway's model). */
export const FALLBACK_MODEL = 'gemini-3.1-flash-image';
/**
 * The model a new batch starts on: Generate's (Auto, the offline engine or a catalogue model). It
 * started on Nano Banana 2 whatever Generate had, so with Offline fill chosen a paid batch could start unnoticed.
 */
export const generateModel = (): string | null => {
  const m = useEditor.getState().gen.model;
  return m === 'auto' || MODELS.some((x) => x.id === m) ? m : null;
};
