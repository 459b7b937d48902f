/**
 * A new batch: images (several files or a folder, chosen in main's dialogs), one mask for all or
 * each image's own mask by name, the prompt, the model (or Auto), the Gemini Batch API option, and
 * the whole batch's price before anything is sent.
 */
import { useEffect, useRef, useState } from 'react';
import type { BatchFile, BatchEstimate } from '../../shared/ipc/batch-contract';
import { getModel, type Quality } from '../../shared/models';
import { batchQuality } from '../../shared/batch/batch-types';
import { errorInfo } from '../commands/bridge';
import * as batch from '../commands/batch-client';
import { useEditor } from '../commands/store/store';
import { priceLine } from '../model/batch-view';
import { keyProviderFor, providerLabel, withArticle } from '../model/model-options';
import { BatchFileList } from './BatchFileList';
import { BatchPromptField } from './BatchPromptField';
import { addDroppedFiles, useBatchDrops } from './batch-drop';
import { batchApiFor, FALLBACK_MODEL, generateModel, MODELS, noBatchApi } from './batch-models';

/** What the user chose for the new batch, kept while the dialog is closed (for this session). */
interface Draft {
  files: BatchFile[];
  oneMask: { maskId: string; name: string } | null;
  useOneMask: boolean;
  prompt: string;
  model: string;
  /** The model was picked in this dialog: it stays (else the dialog opens on Generate's). */
  modelPicked: boolean;
  batchApi: boolean;
  quality: Quality;
  /** A batch was just started from this list, which emptied it: nothing is missing (until an add). */
  started: boolean;
}
/**
 * The new batch as the dialog was closed: opened again, its photos, mask, prompt and model are there.
 * They were lost with the dialog, so doing what a greyed-out Start batch says ("Set a Google Gemini
 * key in Settings (⚙)": close, Settings, back) meant picking everything again.
 */
let leftOpen: Draft | null = null;
/** What the price depends on: the prompt only for Auto (the rules read it), and the masks picked in the rows. */
const priceKeyOf = (d: batch.BatchDraft, picks: string) => JSON.stringify({ ...d, prompt: d.model === 'auto' ? d.prompt : '', picks });

export function BatchNew({ onStarted }: { onStarted: (id: string) => void }) {
  const keys = useEditor((s) => s.keyStatus);
  const gateways = useEditor((s) => s.providerSettings.gateways);
  const addButton = useRef<HTMLButtonElement>(null);
  /** Each row's latest mask pick (see onPickMask). */
  const pickSeq = useRef(new Map<string, number>());
  const [left] = useState(() => leftOpen);
  const [files, setFiles] = useState<BatchFile[]>(left?.files ?? []);
  const [oneMask, setOneMask] = useState<{ maskId: string; name: string } | null>(left?.oneMask ?? null);
  const [useOneMask, setUseOneMask] = useState(left?.useOneMask ?? false);
  const [prompt, setPrompt] = useState(left?.prompt ?? '');
  const [model, setModel] = useState(() => (left?.modelPicked ? left.model : (generateModel() ?? FALLBACK_MODEL)));
  const [modelPicked, setModelPicked] = useState(left?.modelPicked ?? false);
  // Generate's model has no batch (a gateway's): said beside the list, so the paid fallback is seen.
  const [fellBack] = useState(() => !modelPicked && generateModel() === null);
  const [batchApi, setBatchApi] = useState(left?.batchApi ?? false);
  // Generate's quality (medium unless changed there) is where the batch starts; changed here, it is this batch's own.
  const [quality, setQuality] = useState<Quality>(() => left?.quality ?? useEditor.getState().gen.quality);
  const [started, setStarted] = useState(left?.started ?? false);
  const latest = useRef<Draft | null>(null);
  latest.current = { files, oneMask, useOneMask, prompt, model, modelPicked, batchApi, quality, started };
  useEffect(
    () => () => {
      leftOpen = latest.current;
    },
    [],
  );
  const [est, setEst] = useState<BatchEstimate | null>(null);
  /** The draft `est` was made for: until the price of this one is in, Start batch waits. */
  const [pricedFor, setPricedFor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** "coffee.png is already in the batch …" after a pick that repeated listed photos. */
  const [again, setAgain] = useState<string | null>(null);
  const mode = batchApi && batchApiFor(model) ? 'batch-api' : 'now';
  const maskId = useOneMask ? oneMask?.maskId : undefined;
  // The model the batch will use (Auto: the one the price was made for) and the quality it is sent at.
  const spec = getModel(model === 'auto' ? (est?.model ?? '') : model);
  const qualities = spec?.qualities ?? [];
  const shownQuality = batchQuality(qualities, quality);
  const draft: batch.BatchDraft = { fileIds: files.map((f) => f.fileId), ...(maskId ? { maskId } : {}), prompt, model, quality, mode };
  // The masks picked in the rows ("3 masks, which one?") are main's, not the draft's: a pick prices the batch again.
  const picks = files.map((f) => (f.masks ? (f.mask ?? '') : '')).join('|');
  const key = JSON.stringify({ d: draft, picks });

  useEffect(() => {
    const { d, picks } = JSON.parse(key) as { d: batch.BatchDraft; picks: string };
    if (!d.fileIds.length || (useOneMask && !d.maskId)) {
      setEst(null);
      return;
    }
    let live = true;
    const t = setTimeout(() => {
      batch.estimate(d).then(
        (e) => {
          if (!live) return;
          setEst(e);
          setPricedFor(priceKeyOf(d, picks));
        },
        (e) => {
          if (!live) return;
          setError(errorInfo(e).message);
          setPricedFor(`failed ${priceKeyOf(d, picks)}`);
        },
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [key, useOneMask]);

  const run = async (work: () => Promise<void>) => {
    setError(null);
    setBusy(true);
    try {
      await work();
    } catch (e) {
      setError(errorInfo(e).message);
    } finally {
      setBusy(false);
    }
  };
  // A photo picked again (Add images… then Add folder… over it) comes back under its id: listed,
  // sent and charged once. Its row takes the mask found now.
  const add = (more: BatchFile[]) => {
    if (more.length) setStarted(false);
    const listed = new Set(files.map((f) => f.fileId));
    const repeated = more.filter((f) => listed.has(f.fileId));
    setAgain(
      repeated.length === 0
        ? null
        : `${repeated.length === 1 ? `${repeated[0].name} is` : `${repeated.length} images are`} already in the batch (listed once, sent once).`,
    );
    setFiles((fs) => {
      const byId = new Map(more.map((f) => [f.fileId, f]));
      const known = new Set(fs.map((f) => f.fileId));
      return [...fs.map((f) => byId.get(f.fileId) ?? f), ...[...byId.values()].filter((f) => !known.has(f.fileId))];
    });
  };
  // Files dropped on the dialog join the batch (non-images and refusals said inline).
  useBatchDrops((dropped) =>
    run(async () => {
      const { added, problem } = await addDroppedFiles(dropped);
      if (added.length) add(added);
      if (problem) setError(problem);
    }),
  );
  const startIt = () =>
    run(async () => {
      const b = await batch.start(draft);
      // A Batch API job Google refused comes back failed (the queue says why): the draft stays, to try again.
      if (b.state !== 'failed') {
        // A photo that could not be sent (no mask, a mask of another size: the price named it) stays, to be put right.
        const unsent = new Set(est?.items.filter((i) => i.error).map((i) => i.fileId));
        setFiles((fs) => fs.filter((f) => unsent.has(f.fileId)));
        setStarted(true);
        setAgain(null);
        setEst(null);
      }
      onStarted(b.id);
    });
  // Why Start batch is greyed out, said beside it (as Generate says "Paint a mask or select an area first").
  const needsKey = spec ? keyProviderFor(spec) : null;
  const priced = pricedFor === priceKeyOf(draft, picks);
  // The list a batch was just started from is empty: nothing is wrong there, so nothing is said
  // ("Add images first" read as a fault of the batch that had just started).
  const empty = !files.length;
  const blocker = busy
    ? null
    : empty
      ? started
        ? null
        : 'Add images first'
      : useOneMask && !oneMask
        ? 'Choose the mask first'
        : needsKey && !keys.some((k) => k.provider === needsKey && k.isSet)
          ? `Set ${withArticle(providerLabel(needsKey, gateways))} key in Settings (⚙)`
          : // Photos just added, the mask or the model changed: the price shown is not this batch's yet.
            !priced
            ? pricedFor === `failed ${priceKeyOf(draft, picks)}`
              ? 'No price (see why above)'
              : 'Working out the price…'
            : null;
  // No image can be sent: the price line says so (and each image's reason is listed under it), once; Start
  // is off and described by that line. A note beside Start said it a third time.
  const nothingToSend = !blocker && !!est?.items.length && est.items.every((i) => i.error);
  const canStart = !empty && !blocker && !busy && !nothingToSend;

  return (
    <section className="batch-new" aria-label="New batch">
      <h4>New batch</h4>
      <div className="batch-row">
        <button
          ref={addButton}
          type="button"
          title="Add image files (several at once)"
          onClick={() => void run(async () => add(await batch.addImages()))}
        >
          Add images…
        </button>
        <button type="button" title="Add every image in a folder" onClick={() => void run(async () => add(await batch.addFolder()))}>
          Add folder…
        </button>
      </div>
      {again && (
        <p className="muted" role="status" aria-label="Images already in the batch">
          {again}
        </p>
      )}
      <BatchFileList
        files={files}
        oneMask={useOneMask ? (oneMask?.name ?? 'choose a mask') : null}
        onRemove={(fileId) => setFiles((fs) => fs.filter((x) => x.fileId !== fileId))}
        onPickMask={(fileId, name) => {
          // Shown at once; main's answer is taken only for the latest pick of that row. Applying each
          // answer as it came set the row back to an earlier pick while arrows went on (main kept the
          // last one sent, the row showed another, and the next arrow started from the wrong place).
          const seq = (pickSeq.current.get(fileId) ?? 0) + 1;
          pickSeq.current.set(fileId, seq);
          setFiles((fs) => fs.map((x) => (x.fileId === fileId ? { ...x, mask: name } : x)));
          void run(async () => {
            const now = await batch.pickMask(fileId, name);
            if (pickSeq.current.get(fileId) === seq) setFiles((fs) => fs.map((x) => (x.fileId === now.fileId ? now : x)));
          });
        }}
        onEmptied={() => addButton.current?.focus()}
      />
      <fieldset className="batch-mask" aria-label="Mask">
        <label title="Each image uses <name>-mask.png, <name>.mask.png or its one <name>.mask-<label>.png beside it, or masks/<name>.png">
          <input type="radio" name="batch-mask" checked={!useOneMask} onChange={() => setUseOneMask(false)} />
          Each image's own mask (by name)
        </label>
        <label>
          <input type="radio" name="batch-mask" checked={useOneMask} onChange={() => setUseOneMask(true)} />
          One mask for all
        </label>
        {useOneMask && (
          <button
            type="button"
            title="Choose the mask (white = change) used for every image"
            onClick={() =>
              void run(async () => {
                const m = await batch.chooseMask();
                if (m) setOneMask(m);
              })
            }
          >
            {oneMask ? `Mask: ${oneMask.name}` : 'Choose mask…'}
          </button>
        )}
      </fieldset>
      <BatchPromptField prompt={prompt} local={spec?.provider === 'local'} onChange={setPrompt} />
      <label className="batch-field">
        Model
        <select
          aria-label="Batch model"
          value={model}
          onChange={(e) => {
            setModel(e.target.value);
            setModelPicked(true);
          }}
        >
          <option value="auto">Auto — rules pick the model (Settings)</option>
          {MODELS.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      {fellBack && !modelPicked && (
        <p className="muted" role="note">
          Generate's model cannot run a batch (a gateway's models do not): this batch is for {getModel(FALLBACK_MODEL)?.name}, a paid model
          — its price shows once images are added.
        </p>
      )}
      {shownQuality && (
        <label className="batch-field" title="The quality every image is sent at (as in Generate); higher costs more">
          Quality
          <select aria-label="Batch quality" value={shownQuality} onChange={(e) => setQuality(e.target.value as Quality)}>
            {qualities.map((q) => (
              <option key={q} value={q}>
                {q}
              </option>
            ))}
          </select>
        </label>
      )}
      {batchApiFor(model) ? (
        <label className="batch-check" title="Nano Banana models only: one Gemini batch job, billed at 50 %, answered within 24 h">
          <input type="checkbox" checked={mode === 'batch-api'} onChange={(e) => setBatchApi(e.target.checked)} />
          Gemini Batch API — half price, results within 24 h
        </label>
      ) : (
        // Not a greyed box (it read as a broken option with Offline fill): one line on why there is none.
        <p className="muted batch-check" role="note" aria-label="Batch API">
          {noBatchApi(model)}
        </p>
      )}
      {est && (
        // Greyed (and busy) while it is the last draft's: switching to GPT Image 2 showed Nano Banana 2's price as this one's.
        <p
          className={priced ? 'batch-price' : 'batch-price stale'}
          id="batch-price"
          role="status"
          aria-label="Batch price"
          aria-busy={!priced}
        >
          {priceLine(est, mode)}
          {est.autoReason ? ` · Auto: ${est.autoReason}` : ''}
        </p>
      )}
      {est?.items.some((i) => i.error) && (
        <ul className="batch-problems">
          {est.items
            .filter((i) => i.error)
            .map((i) => (
              <li key={i.fileId}>
                {files.find((f) => f.fileId === i.fileId)?.name ?? 'An image'}: {i.error}
              </li>
            ))}
        </ul>
      )}
      {error && (
        <p className="batch-error" role="alert">
          {error}
        </p>
      )}
      <div className="batch-row">
        <button
          type="button"
          className="primary"
          // Off while main answers, but it keeps the focus (aria-disabled): disabled under the focus, a refused
          // Start left the focus on the dialog, and Tab started over from the top.
          disabled={!canStart && !busy}
          aria-disabled={busy || undefined}
          aria-describedby={blocker ? 'batch-blocker' : nothingToSend ? 'batch-price' : undefined}
          onClick={() => !busy && void startIt()}
          title="Send the batch"
        >
          Start batch
        </button>
        {blocker && (
          <span className="blocker" id="batch-blocker" data-testid="batch-blocker" role="note">
            {blocker}
          </span>
        )}
      </div>
    </section>
  );
}
