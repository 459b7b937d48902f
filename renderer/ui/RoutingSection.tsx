/**
 * Settings → Auto: the routing rules as sentences the user reads and changes (on/off, which model,
 * the words that mean "text", the outpaint ratio) and the default model. Every change is saved in
 * main at once (prefs:routing); main refuses malformed rules and nothing changes.
 */
import { useEffect, useState } from 'react';
import { offeredModels } from '../../shared/models';
import { CHEAPEST, DEFAULT_ROUTING, describeCondition, type RoutingRule, type RoutingSettings } from '../../shared/routing';
import { saveRouting } from '../commands/providers-client';
import { useEditor } from '../commands/store/store';

const MODELS = offeredModels().filter((m) => m.status === 'active');

/**
 * A field saved when left or on Enter. `onCommit` returns why a value is refused (or nothing): the
 * field then shows the value in use again and says why beside it — a refused ratio of 0.5 stayed in
 * the field while the rule kept 3:1, with no word.
 */
function CommitField(props: {
  label: string;
  value: string;
  type?: 'text' | 'number';
  className?: string;
  /** Text right after the field (":1"), before the reason a value was refused. */
  suffix?: string;
  onCommit: (v: string) => string | undefined;
}) {
  const [text, setText] = useState(props.value);
  const [refused, setRefused] = useState<string | null>(null);
  useEffect(() => setText(props.value), [props.value]);
  const commit = () => {
    if (text === props.value) return;
    const why = props.onCommit(text);
    setRefused(why ?? null);
    if (why) setText(props.value);
  };
  return (
    <>
      <input
        type={props.type ?? 'text'}
        aria-label={props.label}
        className={props.className ?? (props.type === 'number' ? 'num' : undefined)}
        value={text}
        step={props.type === 'number' ? 0.5 : undefined}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setRefused(null);
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
      {props.suffix}
      {refused && (
        <span className="routing-refused" role="status">
          {refused}
        </span>
      )}
    </>
  );
}

function RuleRow({ rule, onChange }: { rule: RoutingRule; onChange: (r: RoutingRule) => void }) {
  const when = rule.when;
  return (
    <li className="routing-rule" data-testid={`rule-${rule.id}`}>
      <label>
        <input
          type="checkbox"
          aria-label={`Rule: ${describeCondition(when)}`}
          checked={rule.enabled}
          onChange={(e) => onChange({ ...rule, enabled: e.currentTarget.checked })}
        />{' '}
        If {describeCondition(when)}, use
      </label>{' '}
      <select
        aria-label={`Model when ${describeCondition(when)}`}
        value={rule.use}
        onChange={(e) => onChange({ ...rule, use: e.currentTarget.value })}
      >
        <option value={CHEAPEST}>the cheapest usable model</option>
        {MODELS.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </select>
      {when.kind === 'text-in-prompt' && (
        <span className="routing-words">
          Words{' '}
          <CommitField
            className="text"
            label="Words that mean text"
            value={when.words.join(', ')}
            onCommit={(v) => {
              onChange({
                ...rule,
                when: {
                  ...when,
                  words: v
                    .split(',')
                    .map((w) => w.trim())
                    .filter(Boolean),
                },
              });
              return undefined;
            }}
          />
        </span>
      )}
      {when.kind === 'outpaint-wider-than' && (
        <span className="inline">
          Ratio{' '}
          <CommitField
            label="Outpaint wider than (ratio)"
            type="number"
            value={String(when.ratio)}
            onCommit={(v) => {
              const ratio = Number(v);
              if (!v.trim() || !Number.isFinite(ratio) || ratio < 1 || ratio > 100) return `A ratio is 1 to 100; still ${when.ratio}:1`;
              onChange({ ...rule, when: { ...when, ratio } });
              return undefined;
            }}
            suffix=":1"
          />
        </span>
      )}
    </li>
  );
}

export function RoutingSection() {
  const routing = useEditor((s) => s.prefs?.routing) ?? DEFAULT_ROUTING;
  const save = (next: RoutingSettings) => void saveRouting(next);
  return (
    <section className="settings-section" aria-label="Auto model choice">
      <h4>Auto: which model</h4>
      <p className="muted">
        With the model “Auto”, these rules are tried top to bottom; the first that applies and whose model has a key decides, otherwise the
        default model. The Generate panel says which rule picked the model.
      </p>
      <ol className="routing-rules">
        {routing.rules.map((r, i) => (
          <RuleRow key={r.id} rule={r} onChange={(nr) => save({ ...routing, rules: routing.rules.map((x, j) => (j === i ? nr : x)) })} />
        ))}
      </ol>
      <label className="inline">
        Otherwise use{' '}
        <select
          aria-label="Default model for Auto"
          value={routing.defaultModel}
          onChange={(e) => save({ ...routing, defaultModel: e.currentTarget.value })}
        >
          {offeredModels().map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="button" onClick={() => save(DEFAULT_ROUTING)}>
        Restore the default rules
      </button>
    </section>
  );
}
