/**
 * Command-line options: a strict tokenizer (`--name value`, `--name=value`, `--flag`) feeding one
 * valibot schema per command. The schema is the single list of what a command takes: its entries say
 * which names are flags (boolean), lists (array) or values, and an option the command does not use
 * (`fill --feather`) is a usage error (exit 2), as is a bad value.
 */
import * as v from 'valibot';

export class UsageError extends Error {}

type AnySchema = v.GenericSchema<unknown, unknown>;
export type OptionEntries = v.ObjectEntries;

/** `--json`, `--overwrite`: present or not. */
export const flag = () => v.optional(v.boolean(), false);
/** A required value. */
export const required = () => v.pipe(v.string('is required'), v.nonEmpty('needs a value'));
/** An optional value. */
export const optional = () => v.optional(v.pipe(v.string(), v.nonEmpty('needs a value')));
/** A repeatable value (`--ref a --ref b`). */
export const list = () => v.optional(v.array(v.string()), []);
/** One of a few words; optional, or `fallback` when absent. */
const picklist = <const T extends string[]>(words: T) =>
  v.picklist(words, `must be ${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`);
export const oneOf = <const T extends string[]>(words: T) => v.optional(picklist(words));
export const oneOfOr = <const T extends string[]>(words: T, fallback: T[number]) => v.optional(picklist(words), fallback);
/** A whole number in [min, max], given as text; optional, or `fallback` when absent. */
const wholeNumber = (min: number, max: number) => {
  const msg = `must be a whole number from ${min} to ${max}`;
  return v.pipe(
    v.string(),
    v.nonEmpty(msg),
    v.transform(Number),
    v.number(msg),
    v.integer(msg),
    v.minValue(min, msg),
    v.maxValue(max, msg),
  );
};
export const int = (min: number, max: number) => v.optional(wholeNumber(min, max));
export const intOr = (min: number, max: number, fallback: number) => v.optional(wholeNumber(min, max), String(fallback));

type Kind = 'flag' | 'list' | 'value';

function kindOf(schema: AnySchema): Kind {
  const s = schema as unknown as { type: string; wrapped?: { type: string } };
  const t = s.type === 'optional' && s.wrapped ? s.wrapped.type : s.type;
  return t === 'boolean' ? 'flag' : t === 'array' ? 'list' : 'value';
}

/**
 * Parses `argv` for `command` against its option entries. Throws UsageError for an option the
 * command does not take, a missing value, a repeated single option or a value the schema refuses.
 */
export function parseOptions<E extends OptionEntries>(
  command: string,
  argv: readonly string[],
  entries: E,
): v.InferOutput<v.StrictObjectSchema<E, undefined>> {
  const raw: Record<string, string | boolean | string[]> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--') || a === '--') throw new UsageError(`unexpected argument “${a}”`);
    const eq = a.indexOf('=');
    const name = a.slice(2, eq > 0 ? eq : undefined);
    if (!Object.hasOwn(entries, name)) {
      throw new UsageError(
        `${command} does not take --${name} (it takes ${Object.keys(entries)
          .map((k) => `--${k}`)
          .join(', ')})`,
      );
    }
    const kind = kindOf(entries[name]);
    if (kind === 'flag') {
      if (eq > 0) throw new UsageError(`--${name} takes no value`);
      raw[name] = true;
      continue;
    }
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
    if (kind === 'list') raw[name] = [...((raw[name] as string[] | undefined) ?? []), value];
    else if (Object.hasOwn(raw, name)) throw new UsageError(`--${name} is given twice`);
    else raw[name] = value;
  }
  for (const [name, schema] of Object.entries(entries)) {
    if ((schema as unknown as { type: string }).type !== 'optional' && !Object.hasOwn(raw, name))
      throw new UsageError(`--${name} is required`);
  }
  const parsed = v.safeParse(v.strictObject(entries), raw);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const key = issue.path?.[0]?.key;
    throw new UsageError(typeof key === 'string' ? `--${key} ${issue.message}` : issue.message);
  }
  return parsed.output;
}
