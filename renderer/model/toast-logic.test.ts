import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTO_DISMISS_MS, MAX_TOASTS, countdownMessage, pushToast, type ToastLike } from './toast-logic';
import { useEditor } from '../commands/store/store';

const t = (id: number, tone: ToastLike['tone']): ToastLike => ({ id, tone });

describe('pushToast', () => {
  it('keeps at most three, dropping the oldest self-dismissing message first', () => {
    let list: ToastLike[] = [];
    list = pushToast(list, t(1, 'error'));
    list = pushToast(list, t(2, 'info'));
    list = pushToast(list, t(3, 'error'));
    list = pushToast(list, t(4, 'error'));
    expect(list.map((x) => x.id)).toEqual([1, 3, 4]);
    expect(list).toHaveLength(MAX_TOASTS);
  });

  it('drops the oldest error only when every message is an error', () => {
    let list: ToastLike[] = [t(1, 'error'), t(2, 'error'), t(3, 'error')];
    list = pushToast(list, t(4, 'error'));
    expect(list.map((x) => x.id)).toEqual([2, 3, 4]);
  });

  it('a new information message among three errors pushes out the oldest error, not itself', () => {
    const list = pushToast([t(1, 'error'), t(2, 'error'), t(3, 'error')], t(4, 'success'));
    expect(list.map((x) => x.id)).toEqual([2, 3, 4]);
  });
});

describe('notify', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    for (const x of useEditor.getState().toasts) useEditor.getState().dismiss(x.id);
  });
  afterEach(() => vi.useRealTimers());

  it('information and success fade after ~5 s; errors stay', () => {
    const s = useEditor.getState();
    s.notify('info', 'saved');
    s.notify('success', 'exported');
    s.notify('error', 'broken');
    expect(useEditor.getState().toasts.map((x) => x.tone)).toEqual(['info', 'success', 'error']);
    vi.advanceTimersByTime(AUTO_DISMISS_MS - 10);
    expect(useEditor.getState().toasts).toHaveLength(3);
    vi.advanceTimersByTime(20);
    expect(useEditor.getState().toasts.map((x) => x.tone)).toEqual(['error']);
    vi.advanceTimersByTime(60_000);
    expect(useEditor.getState().toasts.map((x) => x.message)).toEqual(['broken']);
  });

  it("an action's success takes away that action's errors, not other errors", () => {
    const s = useEditor.getState();
    s.notify('error', 'x.jpg is damaged', 'bad-image', 'open');
    s.notify('error', 'could not write', 'io', 'export');
    s.notify('error', 'untagged');
    s.succeeded('export');
    expect(useEditor.getState().toasts.map((x) => x.message)).toEqual(['x.jpg is damaged', 'untagged']);
  });

  it('opening a photo also takes away the errors of the one before (its Generate, its export)', () => {
    const s = useEditor.getState();
    for (const t of useEditor.getState().toasts) s.dismiss(t.id);
    s.notify('error', 'GPT Image 2 did not answer in time', 'timeout', 'generate');
    s.notify('error', 'could not write', 'io', 'export');
    s.notify('error', 'untagged');
    s.succeeded('open');
    expect(useEditor.getState().toasts.map((x) => x.message)).toEqual(['untagged']);
  });

  it("a new Generate takes away the last one's failure and its Retry offer; other errors stay", () => {
    const s = useEditor.getState();
    for (const t of useEditor.getState().toasts) s.dismiss(t.id);
    s.notify('error', 'GPT Image 2 refused this request', 'moderation', 'generate');
    const refused = useEditor.getState().toasts.at(-1)!.id;
    s.setRetryOffer(refused, { refusedModel: 'gpt-image-2', models: [{ value: 'local', name: 'Offline fill' }] });
    s.notify('error', 'could not write', 'io', 'export');
    s.supersede('generate');
    expect(useEditor.getState().toasts.map((x) => x.message)).toEqual(['could not write']);
    expect(useEditor.getState().retryOffers[refused]).toBeUndefined();
  });

  it("saving a file takes away an open error about that file (another file's stays)", () => {
    const s = useEditor.getState();
    for (const t of useEditor.getState().toasts) s.dismiss(t.id);
    s.notify('error', '“desk-stuff.maskwork” could not be read', 'io', 'open', '/p/desk-stuff.maskwork');
    s.notify('error', '“other.maskwork” could not be read', 'io', 'open', '/p/other.maskwork');
    s.succeeded('save', '/p/desk-stuff.maskwork');
    expect(useEditor.getState().toasts.map((x) => x.message)).toEqual(['“other.maskwork” could not be read']);
  });

  it('a message already showing is not stacked again: it comes last, its time starting again', () => {
    const s = useEditor.getState();
    const warn = 'Keeping now would drop 2 redo steps (“Brush stroke”, “Brush stroke”).';
    s.notify('info', warn);
    s.notify('success', 'exported');
    vi.advanceTimersByTime(AUTO_DISMISS_MS - 1000);
    s.notify('info', warn); // Keep as layer pressed on a second candidate: the same words
    expect(useEditor.getState().toasts.map((x) => x.message)).toEqual(['exported', warn]);
    // The first one's timer does not take the second away early.
    vi.advanceTimersByTime(2000);
    expect(useEditor.getState().toasts.map((x) => x.message)).toEqual([warn]);
    vi.advanceTimersByTime(AUTO_DISMISS_MS);
    expect(useEditor.getState().toasts).toEqual([]);
    // Errors too: the same error twice is shown once.
    s.notify('error', 'could not write');
    s.notify('error', 'could not write');
    expect(useEditor.getState().toasts.map((x) => x.message)).toEqual(['could not write']);
  });
});

describe('offersUndo', () => {
  it('knows the messages that offer Ctrl+Z, and no other', async () => {
    const { offersUndo } = await import('./toast-logic');
    const { deletedLayerHint } = await import('../ui/keyboard/shortcut-hints');
    const { NEW_AFTER_KEEP_AS_LAYER } = await import('../commands/kept-mask');
    expect(offersUndo(deletedLayerHint('Layer 1'))).toBe(true);
    expect(offersUndo(NEW_AFTER_KEEP_AS_LAYER)).toBe(true);
    expect(offersUndo('Kept with its text wrong: SPORTS not found. Ctrl/⌘ Z undoes the Keep.')).toBe(true);
    expect(offersUndo('Reverted to a.jpg as it is on disk (Ctrl/⌘ Z brings your edits back).')).toBe(true);
    expect(offersUndo('Already kept. The mask was cleared (Reselect, Ctrl/⌘ Shift D, brings it back).')).toBe(false);
    expect(offersUndo('Saved a.maskwork')).toBe(false);
  });

  it('an undo or a redo takes those messages away, and leaves the others', () => {
    const s = useEditor.getState();
    useEditor.setState({ toasts: [] });
    s.notify('info', 'Deleted the layer “A” (…). Ctrl+Z brings it back.');
    s.notify('info', 'Saved a.maskwork');
    useEditor.getState().dropUndoOffers();
    expect(useEditor.getState().toasts.map((t) => t.message)).toEqual(['Saved a.maskwork']);
  });
});

describe('countdownMessage', () => {
  const said = 'OpenAI is limiting requests to GPT Image 2; try again in 12 s. Nothing was charged.';
  it('counts a rate limit’s wait down, then says it can be tried again now', () => {
    expect(countdownMessage(said, 8_200)).toBe('OpenAI is limiting requests to GPT Image 2; try again in 9 s. Nothing was charged.');
    expect(countdownMessage(said, 0)).toBe('OpenAI is limiting requests to GPT Image 2; you can try again now. Nothing was charged.');
    expect(countdownMessage(said, -5_000)).toContain('you can try again now.');
    expect(countdownMessage('Google is limiting requests to x; try again in 2 min.', 95_000)).toBe(
      'Google is limiting requests to x; try again in 2 min.',
    );
    expect(countdownMessage('Something else.', 0)).toBe('Something else.');
  });
});
