/**
 * Reads Chromium's accessibility tree (CDP `Accessibility.getFullAXTree`, the names a screen reader
 * announces) and lists the controls a person can operate whose accessible name does not say what they
 * are: no name at all, or a name with no letter (a glyph such as "−", "⚙", "◼" or "100%").
 */
import type { BrowserContext, Page } from 'playwright-core';

/** Roles a person operates: each needs a name that says what it is. */
export const CONTROL_ROLES = new Set([
  'button',
  'checkbox',
  'combobox',
  'link',
  'listbox',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'option',
  'radio',
  'searchbox',
  'slider',
  'spinbutton',
  'switch',
  'tab',
  'textbox',
  'ColorWell',
  'PopUpButton',
  'ToggleButton',
]);

export interface AxControl {
  role: string;
  name: string;
  /** Chromium's internal role, e.g. `HTMLInputElement` hints, for the failure message. */
  description: string;
}

interface AxValue {
  value?: unknown;
}
interface AxNode {
  ignored: boolean;
  role?: AxValue;
  name?: AxValue;
  description?: AxValue;
  chromeRole?: AxValue;
  properties?: { name: string; value: AxValue }[];
}

/** Every operable control in the page's accessibility tree, with its computed name. */
export async function axControls(context: BrowserContext, page: Page): Promise<AxControl[]> {
  const cdp = await context.newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
    return nodes
      .filter((n) => !n.ignored && CONTROL_ROLES.has(String(n.role?.value ?? '')))
      .filter((n) => !n.properties?.some((p) => p.name === 'hidden' && p.value.value === true))
      .map((n) => ({
        role: String(n.role?.value),
        name: String(n.name?.value ?? '').trim(),
        description: String(n.description?.value ?? ''),
      }));
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** A name that says what the control is: it has at least one letter. */
export const saysWhatItIs = (name: string) => /\p{L}/u.test(name);

/** Controls without such a name (options of a select are named by their text; they are included). */
export async function unnamedControls(context: BrowserContext, page: Page): Promise<string[]> {
  return (await axControls(context, page))
    .filter((c) => !saysWhatItIs(c.name))
    .map((c) => `${c.role} "${c.name}"${c.description ? ` (${c.description})` : ''}`);
}
