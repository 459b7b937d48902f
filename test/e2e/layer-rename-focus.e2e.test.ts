/**
 * After a rename with Enter the focus is on the row's name (the keys stay in the panel), and it must
 * not look like the name field still being edited: the browser's white focus box around the name
 * looked just like the field (found by hand). The field is a dark box in the accent colour; the
 * focused name is marked by a bar at its left and a tint, no box. Real mouse and keys on coffee.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { paintGenerateKeep } from '../support/page-helpers';

let app: AppHarness;

beforeAll(async () => {
  app = await launchWithPhoto('coffee.png');
}, 120_000);
afterAll(() => app?.close());

/** The computed look of an element's frame: a read-only probe. */
const look = (l: Locator) =>
  l.evaluate((el) => {
    const c = getComputedStyle(el);
    return { outline: c.outlineStyle, border: c.borderTopStyle, shadow: c.boxShadow, background: c.backgroundColor };
  });

describe('a renamed layer’s row', () => {
  it('has the focus, marked by a bar and a tint, not the edit field’s box', async () => {
    const page = app.page;
    await paintGenerateKeep(page, 200, 1);
    const panel = page.getByRole('region', { name: 'Layers' });
    await panel.getByRole('button', { name: /^Select layer / }).dblclick();
    const field = panel.getByRole('textbox', { name: /^New name for / });
    const editing = await look(field);
    expect(editing.border).toBe('solid');
    await field.press('Control+a');
    await field.pressSequentially('Sky extension');
    await field.press('Enter');
    const name = panel.getByRole('button', { name: 'Select layer Sky extension', exact: true });
    await expect.poll(() => name.evaluate((el) => el === document.activeElement)).toBe(true);
    const focused = await look(name);
    // No box at all around the focused name: neither the browser's ring nor a border.
    expect(focused.outline).toBe('none');
    expect(focused.border).toBe('none');
    expect(focused.shadow).toContain('inset');
    expect(focused.background).not.toBe(editing.background);
    expect(app.errors).toEqual([]);
  });
});
