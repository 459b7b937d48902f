/**
 * Reading a manifest of any version: refuse what is not a project or comes from a newer Maskwork,
 * walk older versions up one step at a time, then validate with the current schema. Every outcome a
 * user can meet has a sentence for them; nothing here throws.
 */
import * as v from 'valibot';
import { jsonDepth } from '../document/schema';
import {
  firstIssue,
  payloadProblem,
  MAX_MANIFEST_DEPTH,
  PROJECT_FORMAT,
  PROJECT_VERSION,
  ProjectManifestSchema,
  type ProjectManifest,
} from './project-schema';
import { packSteps } from './step-pack';

/** One step up: turns a manifest of version `from` into one of version `from + 1`. */
export interface Migration {
  from: number;
  migrate(raw: Record<string, unknown>): Record<string, unknown>;
}

/**
 * The migrations of this build, oldest first. A change to the manifest that old files cannot satisfy
 * by schema defaults adds a step here and raises PROJECT_VERSION.
 * 1 → 2: the steps' layer and version records move into pools (shared/project/step-pack.ts).
 */
export const MIGRATIONS: readonly Migration[] = [{ from: 1, migrate: (m) => ({ ...m, project: poolSteps(m.project) }) }];

/** A format-1 payload (every step's document in full) with its records pooled as format 2 has them. */
function poolSteps(raw: unknown): Record<string, unknown> {
  if (!raw || typeof raw !== 'object') throw new Error('the project is not an object');
  const p = raw as Record<string, unknown>;
  const past = p.past as Parameters<typeof packSteps>[0];
  const future = p.future as Parameters<typeof packSteps>[0];
  if (!Array.isArray(past) || !Array.isArray(future)) throw new Error('the history is not a list');
  const packed = packSteps([p.current as Parameters<typeof packSteps>[0][number], ...past, ...future]);
  return {
    ...p,
    current: packed.steps[0],
    past: packed.steps.slice(1, 1 + past.length),
    future: packed.steps.slice(1 + past.length),
    layers: packed.layers,
    versions: packed.versions,
  };
}

export type ManifestResult =
  | { ok: true; manifest: ProjectManifest; migratedFrom?: number }
  | { ok: false; problem: 'damaged' | 'newer'; message: string };

/** Parses `manifest.json` text of any version this build knows, up to `current`. */
export function readManifest(
  text: string,
  migrations: readonly Migration[] = MIGRATIONS,
  current: number = PROJECT_VERSION,
  schema: v.GenericSchema<unknown, ProjectManifest> = ProjectManifestSchema,
): ManifestResult {
  const damaged = (why: string): ManifestResult => ({ ok: false, problem: 'damaged', message: `its manifest ${why}` });
  if (jsonDepth(text) > MAX_MANIFEST_DEPTH) return damaged('is nested too deeply');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return damaged('is not valid JSON');
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return damaged('is not an object');
  let m = raw as Record<string, unknown>;
  if (m.format !== PROJECT_FORMAT) return damaged('does not say it is a Maskwork project');
  const start = m.version;
  if (typeof start !== 'number' || !Number.isInteger(start) || start < 1) return damaged('has no valid format version');
  if (start > current) {
    return {
      ok: false,
      problem: 'newer',
      message: `it was saved by a newer Maskwork (project format ${start}; this version reads up to ${current}). Update Maskwork to open it`,
    };
  }
  for (let version = start; version < current; version++) {
    const step = migrations.find((s) => s.from === version);
    if (!step) return damaged(`has format ${version}, which this version cannot convert`);
    try {
      m = { ...step.migrate(m), version: version + 1 };
    } catch (e) {
      return damaged(`could not be converted from format ${version} (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  const parsed = v.safeParse(schema, m);
  if (!parsed.success) return damaged(`does not match the project format (${firstIssue(parsed.issues)})`);
  const problem = payloadProblem(parsed.output.project);
  if (problem) return damaged(`is inconsistent (${problem})`);
  return { ok: true, manifest: parsed.output, ...(start < current ? { migratedFrom: start } : {}) };
}
