/** The CLI's model and quality checks, made before any file is read or request sent. */
import { getModel, offeredModels, retiredRule, type ModelSpec } from '../../shared/models';
import { UsageError } from './args';

export type Quality = 'low' | 'medium' | 'high' | 'auto';

const validIds = () => offeredModels().map((m) => m.id);

/** The catalog spec of `id`; an unknown or retired id is a usage error that lists the valid ids. */
export function chooseModel(id: string): ModelSpec {
  const spec = getModel(id);
  if (!spec) throw new UsageError(`unknown model “${id}”. Valid models: ${validIds().join(', ')}`);
  if (spec.status === 'retired') throw new UsageError(`${retiredRule(spec)}. Valid models: ${validIds().join(', ')}`);
  return spec;
}

/**
 * The quality to send, as the app chooses it: the one asked for, else medium; none for models
 * without qualities (asking one of those for a quality is a usage error).
 */
export function qualityFor(spec: ModelSpec, asked: Quality | undefined): Quality | undefined {
  if (!spec.qualities.length) {
    if (asked) throw new UsageError(`--quality does not apply to ${spec.id} (it has no quality setting)`);
    return undefined;
  }
  if (asked && !spec.qualities.includes(asked)) throw new UsageError(`${spec.id} takes --quality ${spec.qualities.join(', ')}`);
  return asked ?? (spec.qualities.includes('medium') ? 'medium' : spec.qualities[0]);
}
