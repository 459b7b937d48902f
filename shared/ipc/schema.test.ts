/**
 * shared/ipc/schema.ts: the valibot field schemas behind the IPC contract and the settings files.
 * Unknown keys are refused by own-property lookup (prototype names included), the first problem is
 * named by its path, and only plain objects pass as objects.
 */
import { describe, expect, it } from 'vitest';
import * as s from './schema';

const shape = s.object({
  a: s.int(0, 10),
  b: s.optional(s.string({ max: 3 })),
  list: s.array(s.object({ on: s.boolean() }), { max: 2 }),
});

function problem(schema: s.Schema<unknown>, value: unknown): string {
  try {
    s.parse(schema, value);
  } catch (e) {
    expect(e).toBeInstanceOf(s.ValidationError);
    return (e as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(value)}`);
}

describe('object()', () => {
  it('accepts exactly its fields, optional ones absent, and returns a fresh object', () => {
    const input = { a: 3, list: [{ on: true }] };
    const out = s.parse(shape, input);
    expect(out).toEqual({ a: 3, list: [{ on: true }] });
    expect(out).not.toBe(input);
    expect(s.parse(shape, { a: 0, b: 'abc', list: [] })).toEqual({ a: 0, b: 'abc', list: [] });
  });

  it('refuses prototype names as unknown fields: constructor, toString, __proto__, hasOwnProperty', () => {
    for (const key of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
      const value: Record<string, unknown> = { a: 1, list: [] };
      Object.defineProperty(value, key, { value: 'x', enumerable: true, configurable: true, writable: true });
      expect(problem(shape, value)).toBe(`${key}: unknown field`);
    }
    expect(problem(shape, JSON.parse('{"a":1,"list":[],"__proto__":{"polluted":true}}'))).toBe('__proto__: unknown field');
    expect(problem(shape, JSON.parse('{"a":1,"list":[{"on":true,"constructor":{}}]}'))).toBe('list[0].constructor: unknown field');
  });

  it('names an unknown field before a missing one', () => {
    expect(problem(shape, { smuggled: 1 })).toBe('smuggled: unknown field');
    expect(problem(shape, { list: [] })).toBe('a: required');
  });

  it('takes plain objects only: no arrays, typed arrays, class instances or null', () => {
    for (const v of [[], new Uint8Array(2), new (class X {})(), null, 'x', 1, new Map()])
      expect(problem(shape, v)).toBe('payload: expected a plain object');
    expect(s.parse(s.object({}), Object.create(null))).toEqual({});
  });
});

describe('field schemas', () => {
  it('name the failing path and rule', () => {
    expect(problem(shape, { a: 1.5, list: [] })).toBe('a: expected an integer');
    expect(problem(shape, { a: 11, list: [] })).toBe('a: must be ≤ 10');
    expect(problem(shape, { a: Number.NaN, list: [] })).toBe('a: expected a finite number');
    expect(problem(shape, { a: Number.POSITIVE_INFINITY, list: [] })).toBe('a: expected a finite number');
    expect(problem(shape, { a: 1, b: 'long', list: [] })).toBe('b: must be at most 3 characters');
    expect(problem(shape, { a: 1, list: [{ on: 'yes' }] })).toBe('list[0].on: expected a boolean');
    expect(problem(shape, { a: 1, list: [{ on: true }, { on: true }, { on: true }] })).toBe('list: must have at most 2 items');
  });

  it('string: pattern and length; oneOf; bytes; jsonText', () => {
    const id = s.string({ min: 2, max: 8, pattern: /^[a-z]+$/ });
    expect(s.parse(id, 'abc')).toBe('abc');
    expect(problem(id, 'a')).toBe('payload: must be at least 2 characters');
    expect(problem(id, 'ABC')).toContain('does not match');
    expect(problem(s.oneOf(['png', 'jpeg'] as const), 'gif')).toBe('payload: expected one of png, jpeg');
    const b = s.bytes({ maxBytes: 4 });
    expect(s.parse(b, new Uint8Array(4))).toHaveLength(4);
    expect(problem(b, new Uint8Array(5))).toBe('payload: must be at most 4 bytes');
    expect(problem(b, 'iVBORw0KGgo=')).toBe('payload: expected bytes (Uint8Array)');
    const j = s.jsonText({ maxChars: 20 });
    expect(s.parse(j, '{"a":1}')).toBe('{"a":1}');
    expect(problem(j, '{"a":')).toBe('payload: expected JSON text');
    expect(problem(j, `"${'x'.repeat(30)}"`)).toBe('payload: must be at most 20 characters');
  });
});
