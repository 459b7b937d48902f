// GenerateContentResponse builders for the Gemini server (providers.md §2.2, §2.4).
import { gErr, gErrorBody, type GeminiPlan } from './gemini-rules';

export interface Part {
  text?: string;
  thought?: boolean;
  inlineData?: { mimeType: string; data: string };
  thoughtSignature?: string;
}

const OUTPUT_TOKENS: Record<string, number> = { '512': 1290, '1K': 1290, '2K': 1680, '4K': 2520 };

export function usageFor(plan: GeminiPlan, parts: Part[]) {
  const textTokens = Math.max(1, Math.ceil(plan.prompt.length / 4));
  const imageTokens = plan.images.length * 258;
  const thoughts = parts.filter((p) => p.thought).length ? 180 : 0;
  const image = parts.some((p) => p.inlineData && !p.thought) ? (OUTPUT_TOKENS[plan.imageSize] ?? 1290) : 0;
  const text = parts.filter((p) => p.text !== undefined && !p.thought).reduce((t, p) => t + Math.ceil((p.text ?? '').length / 4), 0);
  const candidates = image + text;
  return {
    promptTokenCount: textTokens + imageTokens,
    candidatesTokenCount: candidates,
    ...(thoughts ? { thoughtsTokenCount: thoughts } : {}),
    totalTokenCount: textTokens + imageTokens + candidates + thoughts,
    promptTokensDetails: [
      { modality: 'TEXT', tokenCount: textTokens },
      ...(imageTokens ? [{ modality: 'IMAGE', tokenCount: imageTokens }] : []),
    ],
    ...(candidates ? { candidatesTokensDetails: [{ modality: image ? 'IMAGE' : 'TEXT', tokenCount: candidates }] } : {}),
  };
}

export function candidateResponse(model: string, responseId: string, parts: Part[], finishReason: string | undefined, usage: object) {
  const candidate: Record<string, unknown> = { content: { role: 'model', parts }, index: 0 };
  if (finishReason) candidate.finishReason = finishReason;
  return { candidates: [candidate], usageMetadata: usage, modelVersion: model, responseId };
}

const SAFETY_RATINGS = [
  { category: 'HARM_CATEGORY_SEXUALLY_EXPLICIT', probability: 'NEGLIGIBLE' },
  { category: 'HARM_CATEGORY_HATE_SPEECH', probability: 'NEGLIGIBLE' },
  { category: 'HARM_CATEGORY_HARASSMENT', probability: 'NEGLIGIBLE' },
  { category: 'HARM_CATEGORY_DANGEROUS_CONTENT', probability: 'NEGLIGIBLE' },
];

/** Prompt blocked before generation: no candidates at all. */
export function blockedResponse(model: string, responseId: string, blockReason: string, promptTokens: number) {
  return {
    promptFeedback: { blockReason, safetyRatings: SAFETY_RATINGS },
    usageMetadata: { promptTokenCount: promptTokens, totalTokenCount: promptTokens },
    modelVersion: model,
    responseId,
  };
}

const FINISH_MESSAGES: Record<string, string> = {
  IMAGE_SAFETY:
    "Unable to show the generated image. The generated image was filtered out because it violated Google's Generative AI Prohibited Use policy. You will not be charged for blocked images. Try rephrasing the prompt.",
  IMAGE_PROHIBITED_CONTENT: 'Unable to show the generated image. The image was flagged as prohibited content.',
  NO_IMAGE: 'The model did not generate an image.',
};

/** Generation stopped by a non-STOP finish reason: a candidate without image parts (and without content). */
export function filteredResponse(model: string, responseId: string, finishReason: string, promptTokens: number) {
  const candidate: Record<string, unknown> = { finishReason, index: 0 };
  if (FINISH_MESSAGES[finishReason]) candidate.finishMessage = FINISH_MESSAGES[finishReason];
  return {
    candidates: [candidate],
    usageMetadata: { promptTokenCount: promptTokens, candidatesTokenCount: 0, totalTokenCount: promptTokens },
    modelVersion: model,
    responseId,
  };
}

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  408: 'DEADLINE_EXCEEDED',
  409: 'ABORTED',
  429: 'RESOURCE_EXHAUSTED',
  499: 'CANCELLED',
  500: 'INTERNAL',
  501: 'NOT_IMPLEMENTED',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

export function scriptedError(status: number, retryAfter?: string) {
  if (status === 429) {
    const body: { error: Record<string, unknown> } = gErrorBody(
      gErr(429, 'Resource has been exhausted (e.g. check quota).', 'RESOURCE_EXHAUSTED'),
    );
    const secs = retryAfter !== undefined && /^\d+(\.\d+)?$/.test(retryAfter) ? retryAfter : undefined;
    if (secs) body.error.details = [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${secs}s` }];
    return body;
  }
  if (status === 500) {
    return gErrorBody(
      gErr(
        500,
        'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
        'INTERNAL',
      ),
    );
  }
  if (status === 503) return gErrorBody(gErr(503, 'The model is overloaded. Please try again later.', 'UNAVAILABLE'));
  return gErrorBody(gErr(status, `Scripted error ${status}.`, STATUS_NAMES[status] ?? 'UNKNOWN'));
}
