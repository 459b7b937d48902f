/**
 * Anchor for renderer/commands/ (store/store.ts, store/document-slice.ts, mask-commands.ts) with
 * renderer/commands/blob-store.ts: pixels never live in the zustand store. Records hold ids; the blob
 * store holds the immutable masks; undo/redo swap ids and the mask objects behind them are the very
 * same objects (no pixel copy). Runs in Node: the store must not need the DOM at load time.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useEditor } from '../../../renderer/commands/store/store';
import { applyRect, invertCurrentMask, paintStroke } from '../../../renderer/commands/mask-commands';
import { getMask, maskCount, putMask } from '../../../renderer/commands/blob-store';
import { docPoint } from '../../../shared/geometry/point';
import { createEmptyMask, getMaskValue, type TiledMask } from '../../../shared/mask';

const W = 1300;
const H = 900;

/** Every typed array / ArrayBuffer / DataView reachable from `value`, with its path. */
function binaryPaths(value: unknown, path = 'state', seen = new Set<unknown>()): string[] {
  if (value === null || typeof value !== 'object' || seen.has(value)) return [];
  seen.add(value);
  if (
    ArrayBuffer.isView(value) ||
    value instanceof ArrayBuffer ||
    (typeof SharedArrayBuffer !== 'undefined' && value instanceof SharedArrayBuffer)
  )
    return [path];
  const out: string[] = [];
  for (const [k, v] of Object.entries(value)) out.push(...binaryPaths(v, `${path}.${k}`, seen));
  return out;
}

/** The longest string (key or value) in the JSON form of the state. */
function longestString(json: string): number {
  let longest = 0;
  JSON.parse(json, (k, v) => {
    longest = Math.max(longest, k.length, typeof v === 'string' ? v.length : 0);
    return v;
  });
  return longest;
}

const ids: string[] = [];
const masks: TiledMask[] = [];

beforeAll(() => {
  const maskId = putMask(createEmptyMask(W, H));
  useEditor.getState().openDocument({
    id: 'doc-anchor',
    canvas: { width: W, height: H },
    original: {
      assetId: 'img-0123456789abcdef0123456789abcdef',
      name: 'anchor.jpg',
      width: W,
      height: H,
      x: 0,
      y: 0,
      hasIcc: false,
      hasExif: false,
    },
    maskId,
    layers: [],
    versions: [],
  });
  const record = () => {
    const id = useEditor.getState().doc!.maskId;
    ids.push(id);
    masks.push(getMask(id));
  };
  record();
  paintStroke([docPoint(100, 100), docPoint(400, 120)], { size: 40, hardness: 0.7, opacity: 1 }, false);
  record();
  applyRect({ x: 700, y: 500, width: 300, height: 200 }, 'add');
  record();
  paintStroke([docPoint(800, 600), docPoint(900, 600)], { size: 30, hardness: 1, opacity: 1 }, true);
  record();
  invertCurrentMask();
  record();
});

describe('renderer/commands/store/store.ts + renderer/commands/blob-store.ts: pixels never in the store', () => {
  it('the commits happened and the pixels exist (in the blob store)', () => {
    const s = useEditor.getState();
    expect(s.past.map((p) => p.label)).toEqual(['Open anchor.jpg', 'Brush stroke', 'Rectangle', 'Eraser stroke']);
    expect(s.label).toBe('Invert mask');
    expect(new Set(ids).size).toBe(5);
    // Positive control: the masks really hold bytes; the store must hold none of them.
    expect(masks[2].tiles.some((t) => t instanceof Uint8Array || t === 255)).toBe(true);
    expect(getMaskValue(masks[2], 850, 550)).toBe(255);
    expect(getMaskValue(masks[3], 850, 600)).toBe(0);
  });

  it('the state holds no typed array / ArrayBuffer anywhere (document, history, tools, viewport, ui)', () => {
    expect(binaryPaths(useEditor.getState())).toEqual([]);
  });

  it('JSON of the state (functions dropped) is small: no string or key over 10k chars, no serialised pixel data', () => {
    const json = JSON.stringify(useEditor.getState());
    expect(json.length).toBeLessThan(20_000);
    expect(longestString(json)).toBeLessThan(10_000);
    expect(json).not.toMatch(/"0":\d+,"1":\d+,"2":\d+/); // how a Uint8Array serialises
    expect(json).not.toMatch(/data:image\/|base64,/);
    for (const id of ids) expect(json).toContain(`"${id}"`);
  });

  it('undo swaps the maskId back and the mask behind it is the same object (no copy); redo likewise', () => {
    const s = () => useEditor.getState();
    const docBefore = s().past.map((p) => p.doc);
    for (let k = ids.length - 2; k >= 0; k--) {
      s().undo();
      expect(s().doc!.maskId).toBe(ids[k]);
      expect(getMask(s().doc!.maskId)).toBe(masks[k]);
      expect(s().doc).toBe(docBefore[k]);
    }
    expect(s().past).toHaveLength(0);
    for (let k = 1; k < ids.length; k++) {
      s().redo();
      expect(s().doc!.maskId).toBe(ids[k]);
      expect(getMask(ids[k])).toBe(masks[k]);
    }
    expect(binaryPaths(s())).toEqual([]);
  });

  it('a local edit shares every untouched tile object with the previous mask (structural sharing)', () => {
    // The stroke at y≈100..120 touches only the first tile row; every tile below it is shared.
    const before = masks[0];
    const after = masks[1];
    let shared = 0;
    for (let i = 0; i < before.tiles.length; i++) {
      const row = Math.floor(i / before.cols);
      if (row >= 1) {
        expect(after.tiles[i]).toBe(before.tiles[i]);
        shared++;
      }
    }
    expect(shared).toBeGreaterThan(0);
    expect(after.tiles.some((t, i) => t !== before.tiles[i])).toBe(true);
  });

  it('opening a new document drops the old masks from the blob store', () => {
    const n = maskCount();
    expect(n).toBeGreaterThanOrEqual(ids.length);
    const fresh = putMask(createEmptyMask(10, 10));
    useEditor.getState().openDocument({ ...useEditor.getState().doc!, id: 'doc-2', canvas: { width: 10, height: 10 }, maskId: fresh });
    expect(maskCount()).toBe(1);
    expect(() => getMask(ids[0])).toThrow();
  });
});
