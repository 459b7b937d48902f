/** Small promise helpers shared by the edit and outpaint jobs. */
import { AppError } from '../../../shared/errors';

/** A promise with its resolve and reject at hand; a rejection nobody awaits is not reported as unhandled. */
export function settleable<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => {});
  return { promise, resolve, reject };
}

/** The error a job's step throws when the job was cancelled: nothing it made is kept. */
export function jobCancelled(): AppError {
  return new AppError({ kind: 'cancelled', message: 'Cancelled. The document is unchanged.' });
}
