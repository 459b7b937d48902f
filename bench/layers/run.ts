/**
 * Layers benchmark in Chromium: 30 kept layers on the 24 MP photo (gpt-image-2 edits on the local
 * protocol server, every candidate kept as a layer), then the same strokes painted twice —
 * on the document mask (the floor: the paint path the app already had, with the same 30 layers on
 * screen) and on the layer mask of a layer in the middle of the stack (with 15 layers above it). One
 * pointer move per animation frame, so each frame carries one move and whatever it redraws. Reports
 * per move the handler time and the frame time (dispatch → the next animation frame, after Konva's
 * draw), p50/p95, their ratios to the floor, and the commit on pointer up.
 */
import { launchApp } from '../../test/support/app-harness';
import { dragPath, summary } from '../../test/support/page-helpers';
import { startOpenAIServer } from '../../test/servers';
import { writeBigJpeg } from '../ratios/photo';

interface Stats {
  p50: number;
  p95: number;
  max: number;
}

export interface LayersBenchResult {
  image: { width: number; height: number };
  layers: number;
  strokes: number;
  movesPerStroke: number;
  floor: { moveMs: Stats; frameMs: Stats; commitMs: Stats };
  layerMask: { moveMs: Stats; frameMs: Stats; commitMs: Stats };
  /** layer-mask p95 / floor p95. */
  ratio: { move: number; frame: number };
  target: { frameRatio: number; moveP95Ms: number; pass: boolean };
  loadavg: number[];
}

const round = (x: number) => Math.round(x * 1000) / 1000;
function stats(xs: number[]): Stats {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { p50: round(q(0.5)), p95: round(q(0.95)), max: round(s[s.length - 1]) };
}

export async function runLayersBench(opts: { strokes?: number } = {}): Promise<LayersBenchResult> {
  const strokes = opts.strokes ?? 20;
  const openai = await startOpenAIServer();
  const app = await launchApp({
    viewport: { width: 1600, height: 1000 },
    env: { OPENAI_API_KEY: 'sk-bench-layers-0001', OPENAI_BASE_URL: openai.url, MASKWORK_MAX_RETRIES: '0', MASKWORK_STREAM: '0' },
  });
  const { loadavg } = await import('node:os');
  try {
    const page = app.page;
    app.dialogs.opens.push(await writeBigJpeg(app.tmp));
    await page.keyboard.press('Control+o');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc, null, { timeout: 120_000 });
    await page.getByRole('combobox', { name: 'Model', exact: true }).selectOption('gpt-image-2');
    await page.getByRole('spinbutton', { name: 'Candidates' }).click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('10'); // the field caps it at what the model allows
    await page.getByRole('textbox', { name: 'Prompt', exact: true }).click();
    await page.keyboard.type('clean background');
    await page.keyboard.press('m');
    // The Candidates field caps the count per request (4 today): as many edits at distinct places as
    // it takes, every candidate kept as a layer, until 30 layers (regions of about 0.4 MP).
    const perEdit = Number(await page.getByRole('spinbutton', { name: 'Candidates' }).inputValue());
    if (!(perEdit >= 1)) throw new Error('the Candidates field did not take a count');
    for (let edit = 0, kept = 0; kept < 30; edit++) {
      const x = 300 + (edit % 4) * 1400;
      const y = 500 + Math.floor(edit / 4) * 1600;
      await dragPath(page, [
        [x, y],
        [x + 400, y + 400],
      ]);
      await page.keyboard.press('Control+Enter');
      await page
        .waitForFunction((n) => (window as any).__maskworkTest.staging().items.length === n, perEdit, { timeout: 600_000 })
        .catch(async (e: unknown) => {
          const st = await summary(page);
          throw new Error(`edit ${edit + 1}: no candidates (${e instanceof Error ? e.message : e}); toasts ${JSON.stringify(st.toasts)}`);
        });
      for (let i = 0; i < perEdit && kept < 30; i++) {
        await page.getByRole('button', { name: 'Keep as layer', exact: true }).click();
        kept++;
        await page.waitForFunction((n) => (window as any).__maskworkTest.summary().layers === n, kept, { timeout: 60_000 });
        if (i < perEdit - 1) await page.keyboard.press('ArrowRight');
      }
      await page.getByRole('button', { name: 'Discard all', exact: true }).click();
      await page.keyboard.press('Control+d');
    }
    const s = await summary(page);
    if (s.layers !== 30) throw new Error(`expected 30 layers, found ${s.layers}`);
    const list: Array<{ x: number; y: number; width: number; height: number }> = await page.evaluate(() =>
      (window as any).__maskworkTest.layerList(),
    );
    const target = list[15]; // the middle of the stack: 15 layers above it
    await page.keyboard.press('b');

    /** Paints `n` strokes across the target layer's rectangle; one pointer move per frame. */
    const paint = (n: number) =>
      page.evaluate(
        async ({ n, rect }) => {
          const w = window as any;
          const el = document.querySelector('[data-testid="stage"]') as HTMLElement;
          const fire = (type: string, x: number, y: number) =>
            el.dispatchEvent(
              new PointerEvent(type, {
                clientX: x,
                clientY: y,
                bubbles: true,
                cancelable: true,
                pointerId: 1,
                button: 0,
                buttons: type === 'pointerup' ? 0 : 1,
                pointerType: 'mouse',
              }),
            );
          const frame = () => new Promise<number>((res) => requestAnimationFrame(() => res(performance.now())));
          const moves: number[] = [];
          const frames: number[] = [];
          const commits: number[] = [];
          for (let k = 0; k < n; k++) {
            const y = rect.y + ((k * 97) % rect.height);
            const a = w.__maskworkTest.docToClient(rect.x, y);
            const b = w.__maskworkTest.docToClient(rect.x + rect.width, y);
            await frame();
            fire('pointerdown', a.x, a.y);
            for (let i = 1; i <= 60; i++) {
              const t0 = performance.now();
              fire('pointermove', a.x + ((b.x - a.x) * i) / 60, a.y + Math.sin(i / 6) * 20);
              moves.push(performance.now() - t0);
              frames.push((await frame()) - t0);
            }
            const t0 = performance.now();
            fire('pointerup', b.x, b.y);
            commits.push(performance.now() - t0);
          }
          return { moves, frames, commits };
        },
        { n, rect: target },
      );

    // Warm both paths (first stroke decodes and builds caches), then measure.
    await paint(1);
    const floor = await paint(strokes);
    const rows = page.getByRole('region', { name: 'Layers' }).locator('li[data-patch]');
    await rows
      .nth(29 - 15)
      .getByRole('button', { name: /^Paint the layer mask of / })
      .click();
    const st = await summary(page);
    if (st.tool !== 'eraser') throw new Error('the layer mask target did not switch to the eraser');
    await paint(1);
    const layer = await paint(strokes);
    const after = await summary(page);
    if (!/layer mask/.test(after.label)) throw new Error(`the strokes did not paint the layer mask (last step: ${after.label})`);
    if (app.errors.length) throw new Error(`the app reported errors: ${app.errors.join('; ')}`);

    const f = { moveMs: stats(floor.moves), frameMs: stats(floor.frames), commitMs: stats(floor.commits) };
    const l = { moveMs: stats(layer.moves), frameMs: stats(layer.frames), commitMs: stats(layer.commits) };
    const ratio = { move: round(l.moveMs.p95 / Math.max(0.1, f.moveMs.p95)), frame: round(l.frameMs.p95 / f.frameMs.p95) };
    const targetRatio = 1.5;
    const moveP95Ms = 2;
    return {
      image: { width: s.canvas.width, height: s.canvas.height },
      layers: s.layers,
      strokes,
      movesPerStroke: 60,
      floor: f,
      layerMask: l,
      ratio,
      target: { frameRatio: targetRatio, moveP95Ms, pass: ratio.frame <= targetRatio && l.moveMs.p95 <= moveP95Ms },
      loadavg: loadavg(),
    };
  } finally {
    await app.close();
    await openai.close();
  }
}
