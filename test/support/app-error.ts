/** The typed error a call must fail with, for tests of refusals (bad files, provider errors). */
import { expect } from 'vitest';
import { AppError } from '../../shared/errors';

/** Awaits a promise that must reject with an AppError and returns it. */
export async function appErrorOf(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}
