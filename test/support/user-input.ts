/**
 * Real input, the way a person gives it: clicks on controls found by role and accessible name, keys
 * typed into the focused field, keyboard choices in selects. No `.fill()`, no `selectOption()`, no
 * `evaluate` that changes state — only the read-only probes of `window.__maskworkTest` and of the
 * focused element.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';

/** Clicks into a text or number field, selects what is there (Ctrl+A) and types `text` over it. */
export async function retype(field: Locator, text: string): Promise<void> {
  await field.click();
  await field.press('Control+a');
  if (text === '') await field.press('Delete');
  else await field.pressSequentially(text);
}

/**
 * Moves focus out of whatever field has it by clicking a heading (not focusable, so the focus goes
 * to the page), as a person clicks somewhere neutral before using shortcuts.
 */
export async function leaveField(page: Page, heading = 'Mask'): Promise<void> {
  await page.getByRole('heading', { name: heading, exact: true }).click();
}

/** Sets a slider to its minimum or maximum: a click on it, then Home / End. */
export async function sliderTo(slider: Locator, end: 'min' | 'max'): Promise<void> {
  await slider.click();
  await slider.press(end === 'max' ? 'End' : 'Home');
}

/**
 * Chooses the option whose value is `value` in a select with the keyboard: click opens the list,
 * ↑/↓ move through it, Enter takes the highlighted option. Throws if the option cannot be reached.
 */
export async function chooseOption(page: Page, select: Locator, value: string): Promise<void> {
  const options: string[] = await select.evaluate((el: HTMLSelectElement) => [...el.options].map((o) => o.value));
  const to = options.indexOf(value);
  if (to < 0) throw new Error(`no option "${value}" in ${options.join(', ')}`);
  let got = '';
  // Under CI load the list can open after the first arrows (they then moved the closed select, and
  // Enter took the list's highlight): a person looks and tries again, and so does this, twice at most.
  for (let attempt = 0; attempt < 3; attempt++) {
    const from = options.indexOf(await select.inputValue());
    await select.click();
    const key = to > from ? 'ArrowDown' : 'ArrowUp';
    for (let i = 0; i < Math.abs(to - from); i++) await page.keyboard.press(key);
    await page.keyboard.press('Enter');
    got = await select.inputValue();
    if (got === value) return;
  }
  throw new Error(`chose "${got}", wanted "${value}"`);
}

/**
 * Presses a key chord (`Control+Shift+z`) and runs `whileHeld` between the presses and the releases,
 * so state that exists only while a key is held (Space-to-pan, hold-Y compare) can be read.
 */
export async function holdChord(page: Page, chord: string, whileHeld: () => Promise<void>): Promise<void> {
  const keys = chord.split('+'); // key names as Playwright spells them: Control, Shift, KeyZ, Equal, BracketLeft…
  for (const k of keys) await page.keyboard.down(k);
  try {
    await whileHeld();
  } finally {
    for (const k of [...keys].reverse()) await page.keyboard.up(k);
  }
}

/**
 * Drags files from the desktop onto the page at a client point, through Chromium's own drag-and-drop
 * input (CDP `Input.dispatchDragEvent` with file paths: the page receives trusted dragenter/dragover/
 * drop events carrying real File objects, as from a file manager).
 */
export async function dropFiles(context: BrowserContext, page: Page, paths: string[], at: { x: number; y: number }): Promise<void> {
  const cdp = await context.newCDPSession(page);
  try {
    const data = { items: [], files: paths, dragOperationsMask: 1 };
    for (const type of ['dragEnter', 'dragOver', 'drop'] as const) await cdp.send('Input.dispatchDragEvent', { type, ...at, data });
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * Puts an image on the system clipboard, as copying it in another application does (the app's state is
 * not touched; Chromium decodes and re-encodes it, so only a real image can be placed). The user's
 * paste is then a real Ctrl+V.
 */
export async function copyImageToClipboard(context: BrowserContext, page: Page, png: Uint8Array): Promise<void> {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate(async (bytes) => {
    const blob = new Blob([new Uint8Array(bytes)], { type: 'image/png' });
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })]);
  }, Array.from(png));
}

/**
 * A stroke with a pen: Chromium's input pipeline (CDP `Input.dispatchMouseEvent` with
 * `pointerType: 'pen'` and a force per point, as a tablet driver reports it) delivers trusted
 * pointer events with that pressure. Points are client px.
 */
export async function penStroke(
  context: BrowserContext,
  page: Page,
  pts: Array<{ x: number; y: number; pressure: number }>,
): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const send = (type: 'mousePressed' | 'mouseMoved' | 'mouseReleased', p: { x: number; y: number; pressure: number }) =>
    cdp.send('Input.dispatchMouseEvent', {
      type,
      x: p.x,
      y: p.y,
      button: 'left',
      buttons: type === 'mouseReleased' ? 0 : 1,
      clickCount: type === 'mouseMoved' ? 0 : 1,
      pointerType: 'pen',
      force: p.pressure,
    });
  await send('mouseMoved', { ...pts[0], pressure: 0 });
  await send('mousePressed', pts[0]);
  for (const p of pts.slice(1)) await send('mouseMoved', p);
  await send('mouseReleased', pts[pts.length - 1]);
  await cdp.detach();
}

/** Unfolds Generate's Edge group (feather, colour match, grow) by a click on its line, if it is folded. */
export async function openEdgeGroup(page: Page): Promise<void> {
  const edge = page.getByRole('region', { name: 'Generate' }).getByRole('button', { name: 'Edge', exact: true });
  if ((await edge.getAttribute('aria-expanded')) === 'false') await edge.click();
}
