/**
 * Typed errors shared by main, the CLI and the renderer. Every failure that reaches a user is one of
 * these kinds with a message written for a retoucher (what happened, what to do), never a stack trace.
 */
export type ErrorKind =
  | 'validation' // a payload broke the IPC contract
  | 'bad-image' // corrupt, truncated, unsupported or misnamed image
  | 'bad-project' // a damaged project file, or one from a newer Maskwork
  | 'too-large' // decompression bomb / over the pixel or byte limit
  | 'io' // the file system said no
  | 'not-found'
  | 'auth'
  | 'moderation'
  | 'rate-limit'
  | 'invalid-request'
  | 'network'
  | 'timeout'
  | 'server'
  | 'cancelled'
  | 'internal';

export interface AppErrorInfo {
  kind: ErrorKind;
  message: string;
  /** Model that refused or failed, when there is one. */
  model?: string;
  /** Provider request id, for support tickets. */
  requestId?: string;
  /** The rule broken, for invalid-request and validation. */
  rule?: string;
  /** Seconds after which a retry may succeed (rate limits). */
  retryAfterSeconds?: number;
  /**
   * The service made nothing: a prompt Gemini blocked before generating bills its input tokens at
   * most (a fraction of a cent), so the spend ledger takes the request's estimate back out.
   */
  notCharged?: boolean;
}

export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly info: AppErrorInfo;
  constructor(info: AppErrorInfo, options?: { cause?: unknown }) {
    super(info.message, options);
    this.name = 'AppError';
    this.kind = info.kind;
    this.info = info;
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorInfo };
