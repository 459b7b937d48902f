/**
 * Field schemas for the IPC contract and the settings files, built on valibot (small, tree-shaken,
 * no eval: it runs in main, in the sandboxed preload bundle and in the renderer). Each schema both
 * validates an unknown value and carries its static type, so a contract is written once.
 *
 * `parse` throws {@link ValidationError} naming the path of the first bad field (`canvas.width`,
 * `layers[0].assetId`, an unknown `smuggled` key).
 */
import * as v from 'valibot';

export class ValidationError extends Error {
  constructor(
    readonly path: string,
    readonly rule: string,
  ) {
    super(`${path || 'payload'}: ${rule}`);
    this.name = 'ValidationError';
  }
}

/** Any valibot schema whose input is unknown and whose output is T. */
export type Schema<T> = v.GenericSchema<unknown, T>;
export type Infer<S> = S extends v.GenericSchema ? v.InferOutput<S> : never;

/** `a.b[2].c` for an issue's path (array indexes in brackets). */
function pathOf(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = item.key;
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** Returns `value` typed by the schema, or throws ValidationError for the first problem. */
export function parse<S extends v.GenericSchema>(schema: S, value: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, value, { abortEarly: true });
  if (result.success) return result.output;
  const issue = result.issues[0];
  throw new ValidationError(pathOf(issue), ruleOf(issue));
}

function ruleOf(issue: v.BaseIssue<unknown>): string {
  if (issue.type === 'strict_object' && issue.expected === 'never') return 'unknown field';
  if (issue.type === 'strict_object' && issue.received === 'undefined') return 'required';
  return issue.message;
}

/** A string of at most `max` characters (100 000 by default), optionally at least `min` and matching `pattern`. */
export function string(opts: { min?: number; max?: number; pattern?: RegExp } = {}) {
  const max = opts.max ?? 100_000;
  return v.pipe(
    v.string('expected a string'),
    v.minLength(opts.min ?? 0, `must be at least ${opts.min} characters`),
    v.maxLength(max, `must be at most ${max} characters`),
    v.regex(opts.pattern ?? /(?:)/, `does not match ${opts.pattern}`),
  );
}

/** A finite number, optionally an integer and within [min, max]. */
export function number(opts: { min?: number; max?: number; int?: boolean } = {}): Schema<number> {
  return v.pipe(
    v.number('expected a finite number'),
    v.finite('expected a finite number'),
    v.check((n) => !opts.int || Number.isInteger(n), 'expected an integer'),
    v.minValue(opts.min ?? -Infinity, `must be ≥ ${opts.min}`),
    v.maxValue(opts.max ?? Infinity, `must be ≤ ${opts.max}`),
  );
}

/** An integer within [min, max]. */
export const int = (min: number, max: number): Schema<number> => number({ int: true, min, max });

export const boolean = (): Schema<boolean> => v.boolean('expected a boolean');

export function oneOf<const T extends readonly string[]>(values: T): Schema<T[number]> {
  return v.picklist(values, `expected one of ${values.join(', ')}`);
}

/**
 * A string that must be well-formed JSON text (at most `maxChars` characters). The parsed value is
 * discarded: the string itself is the payload, so the receiver stores exactly what was sent.
 */
export function jsonText(opts: { maxChars: number }): Schema<string> {
  return v.pipe(
    v.string('expected a string'),
    v.maxLength(opts.maxChars, `must be at most ${opts.maxChars} characters`),
    v.check((s) => {
      try {
        JSON.parse(s);
        return true;
      } catch {
        return false;
      }
    }, 'expected JSON text'),
  );
}

/** Encoded image bytes (PNG/JPEG/WebP) or other binary data; never a data URL or base64 text. */
export function bytes(opts: { maxBytes?: number } = {}): Schema<Uint8Array> {
  const max = opts.maxBytes ?? 512 * 1024 * 1024;
  return v.pipe(
    v.instance(Uint8Array, 'expected bytes (Uint8Array)'),
    v.check((b) => b.byteLength <= max, `must be at most ${max} bytes`),
  );
}

/** A field that may be absent (or undefined). */
export const optional = <S extends Schema<unknown>>(inner: S) => v.optional(inner);

export function array<T>(item: Schema<T>, opts: { min?: number; max?: number } = {}): Schema<T[]> {
  const max = opts.max ?? 10_000;
  return v.pipe(
    v.array(item, 'expected an array'),
    v.minLength(opts.min ?? 0, `must have at least ${opts.min} items`),
    v.maxLength(max, `must have at most ${max} items`),
  );
}

/** A plain object (prototype Object.prototype or null): no class instances, arrays or typed arrays. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * A plain object with exactly these keys. Unknown keys are rejected by own-property lookup, so
 * `constructor`, `toString` or `__proto__` are unknown keys like any other (no smuggling to main).
 */
export function object<const E extends v.ObjectEntries>(entries: E) {
  return v.pipe(
    v.custom<Record<string, unknown>>(isPlainObject, 'expected a plain object'),
    // Unknown keys first, so a smuggled field is named even when a required one is missing too.
    v.rawCheck<Record<string, unknown>>(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const input = dataset.value;
      const key = Object.keys(input).find((k) => !Object.hasOwn(entries, k));
      if (key !== undefined)
        addIssue({ message: 'unknown field', path: [{ type: 'object', origin: 'key', input, key, value: input[key] }] });
    }),
    v.strictObject(entries),
  );
}

/** A type-only marker for responses: main produces them, so they are typed but not re-validated. */
export function type<T>(): Schema<T> {
  return v.custom<T>(() => true);
}
