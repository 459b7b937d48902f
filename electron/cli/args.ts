/** A small, strict argument parser: unknown flags and missing values are usage errors (exit 2). */
export class UsageError extends Error {}

export interface FlagSpec {
  [name: string]: 'string' | 'number' | 'boolean' | 'strings';
}

export type Parsed = Record<string, string | number | boolean | string[] | undefined>;

export function parseArgs(argv: string[], spec: FlagSpec): Parsed {
  const out: Parsed = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new UsageError(`unexpected argument “${a}”`);
    const eq = a.indexOf('=');
    const name = a.slice(2, eq > 0 ? eq : undefined);
    const type = spec[name];
    if (!type) throw new UsageError(`unknown option --${name}`);
    if (type === 'boolean') {
      out[name] = true;
      continue;
    }
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
    if (type === 'number') {
      const n = Number(value);
      if (!Number.isFinite(n)) throw new UsageError(`--${name} must be a number, got “${value}”`);
      out[name] = n;
    } else if (type === 'strings') {
      out[name] = [...((out[name] as string[] | undefined) ?? []), value];
    } else out[name] = value;
  }
  return out;
}

export function required(p: Parsed, name: string): string {
  const v = p[name];
  if (typeof v !== 'string' || !v) throw new UsageError(`--${name} is required`);
  return v;
}
