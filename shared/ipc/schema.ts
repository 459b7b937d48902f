/**
 * A tiny runtime schema library for the IPC contract. Each schema both validates an unknown value
 * (throwing {@link ValidationError} with the path of the first bad field) and carries its static type,
 * so the contract is written once and gives both the TypeScript types and the checks main runs.
 */

export class ValidationError extends Error {
  constructor(
    readonly path: string,
    readonly rule: string,
  ) {
    super(`${path || 'payload'}: ${rule}`);
    this.name = 'ValidationError';
  }
}

export interface Schema<T> {
  readonly kind: string;
  /** Returns the value typed as T or throws ValidationError. Never mutates. */
  parse(value: unknown, path?: string): T;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

function make<T>(kind: string, parse: (v: unknown, path: string) => T): Schema<T> {
  return { kind, parse: (v, path = '') => parse(v, path) };
}

export function string(opts: { min?: number; max?: number; pattern?: RegExp } = {}): Schema<string> {
  const max = opts.max ?? 100_000;
  return make('string', (v, path) => {
    if (typeof v !== 'string') throw new ValidationError(path, 'expected a string');
    if (opts.min !== undefined && v.length < opts.min) throw new ValidationError(path, `must be at least ${opts.min} characters`);
    if (v.length > max) throw new ValidationError(path, `must be at most ${max} characters`);
    if (opts.pattern && !opts.pattern.test(v)) throw new ValidationError(path, `does not match ${opts.pattern}`);
    return v;
  });
}

export function number(opts: { min?: number; max?: number; int?: boolean } = {}): Schema<number> {
  return make('number', (v, path) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new ValidationError(path, 'expected a finite number');
    if (opts.int && !Number.isInteger(v)) throw new ValidationError(path, 'expected an integer');
    if (opts.min !== undefined && v < opts.min) throw new ValidationError(path, `must be ≥ ${opts.min}`);
    if (opts.max !== undefined && v > opts.max) throw new ValidationError(path, `must be ≤ ${opts.max}`);
    return v;
  });
}

export function boolean(): Schema<boolean> {
  return make('boolean', (v, path) => {
    if (typeof v !== 'boolean') throw new ValidationError(path, 'expected a boolean');
    return v;
  });
}

export function literal<const T extends string | number | boolean>(value: T): Schema<T> {
  return make('literal', (v, path) => {
    if (v !== value) throw new ValidationError(path, `expected ${JSON.stringify(value)}`);
    return value;
  });
}

export function oneOf<const T extends readonly string[]>(values: T): Schema<T[number]> {
  return make('enum', (v, path) => {
    if (typeof v !== 'string' || !values.includes(v)) throw new ValidationError(path, `expected one of ${values.join(', ')}`);
    return v as T[number];
  });
}

/**
 * A string that must be well-formed JSON text (at most `maxChars` characters). The parsed value is
 * discarded: the string itself is the payload, so the receiver stores exactly what was sent.
 */
export function jsonText(opts: { maxChars: number }): Schema<string> {
  return make('json', (v, path) => {
    if (typeof v !== 'string') throw new ValidationError(path, 'expected a string');
    if (v.length > opts.maxChars) throw new ValidationError(path, `must be at most ${opts.maxChars} characters`);
    try {
      JSON.parse(v);
    } catch {
      throw new ValidationError(path, 'expected JSON text');
    }
    return v;
  });
}

/** Encoded image bytes (PNG/JPEG/WebP) or other binary data; never a data URL. */
export function bytes(opts: { maxBytes?: number } = {}): Schema<Uint8Array> {
  const max = opts.maxBytes ?? 512 * 1024 * 1024;
  return make('bytes', (v, path) => {
    if (!(v instanceof Uint8Array)) throw new ValidationError(path, 'expected bytes (Uint8Array)');
    if (v.byteLength > max) throw new ValidationError(path, `must be at most ${max} bytes`);
    return v;
  });
}

export function optional<T>(inner: Schema<T>): Schema<T | undefined> {
  return make('optional', (v, path) => (v === undefined ? undefined : inner.parse(v, path)));
}

export function array<T>(item: Schema<T>, opts: { min?: number; max?: number } = {}): Schema<T[]> {
  const max = opts.max ?? 10_000;
  return make('array', (v, path) => {
    if (!Array.isArray(v)) throw new ValidationError(path, 'expected an array');
    if (opts.min !== undefined && v.length < opts.min) throw new ValidationError(path, `must have at least ${opts.min} items`);
    if (v.length > max) throw new ValidationError(path, `must have at most ${max} items`);
    return v.map((x, i) => item.parse(x, `${path}[${i}]`));
  });
}

type Shape = Record<string, Schema<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: undefined extends Infer<S[K]> ? K : never }[keyof S];
type RequiredKeys<S extends Shape> = Exclude<keyof S, OptionalKeys<S>>;
export type ObjectOf<S extends Shape> = { [K in RequiredKeys<S>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Infer<S[K]> };

/** A plain object with exactly these keys: unknown keys are rejected (no smuggling extra fields to main). */
export function object<S extends Shape>(shape: S): Schema<ObjectOf<S>> {
  return make('object', (v, path) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof Uint8Array) {
      throw new ValidationError(path, 'expected an object');
    }
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) throw new ValidationError(path, 'expected a plain object');
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v)) {
      if (!(key in shape)) throw new ValidationError(path ? `${path}.${key}` : key, 'unknown field');
    }
    for (const [key, schema] of Object.entries(shape)) {
      const parsed = schema.parse((v as Record<string, unknown>)[key], path ? `${path}.${key}` : key);
      if (parsed !== undefined) out[key] = parsed;
    }
    return out as ObjectOf<S>;
  });
}

/** Discriminated union on a `kind`-like tag field. */
export function union<const K extends string, const M extends Record<string, Schema<object>>>(
  tag: K,
  members: M,
): Schema<Infer<M[keyof M]>> {
  return make('union', (v, path) => {
    const t = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[tag] : undefined;
    if (typeof t !== 'string' || !(t in members)) {
      throw new ValidationError(path ? `${path}.${tag}` : tag, `expected one of ${Object.keys(members).join(', ')}`);
    }
    return members[t].parse(v, path) as Infer<M[keyof M]>;
  });
}

/** A type-only marker for responses: main produces them, so they are typed but not re-validated. */
export function type<T>(): Schema<T> {
  return make('type', (v) => v as T);
}
