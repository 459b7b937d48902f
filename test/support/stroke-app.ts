/**
 * The app on coffee.png (600×400) with a brush stroke painted, gpt-image-2 chosen and the prompt
 * "vase" typed, against a local OpenAI protocol server — by keys and mouse, as a retoucher would.
 */
import { isAbsolute, join } from 'node:path';
import { launchApp, PHOTOS, type AppHarness } from './app-harness';
import type { Page } from 'playwright-core';
import { dragPath, waitIdle } from './page-helpers';
import { chooseWithKeys, typeInto } from './real-input';
import { startOpenAIServer, type OpenAIServer } from '../servers';

/** What {@link launchOpenAIWithPhoto} starts the app with; every field may be left out. */
export interface OpenAIAppOptions {
  /** A file name in PHOTOS or an absolute path, opened with Ctrl+O; none: the app starts with no photo. */
  photo?: string;
  /** The window size; none: the harness's default. */
  viewport?: { width: number; height: number };
  /** Merged over the defaults (the test key, the server's URL, no retries, no streaming). */
  env?: Record<string, string>;
}

/**
 * The app against a local OpenAI protocol server (key set, no retries, no streaming), the photo opened
 * with Ctrl+O and settled. Takes `(photo, viewport)` or an {@link OpenAIAppOptions} object.
 */
export async function launchOpenAIWithPhoto(
  photoOrOpts: string | OpenAIAppOptions,
  viewport?: { width: number; height: number },
): Promise<{ app: AppHarness; openai: OpenAIServer }> {
  const opts: OpenAIAppOptions = typeof photoOrOpts === 'string' ? { photo: photoOrOpts, viewport } : photoOrOpts;
  const openai = await startOpenAIServer();
  let app: AppHarness | undefined;
  try {
    app = await launchApp({
      ...(opts.viewport ? { viewport: opts.viewport } : {}),
      env: {
        OPENAI_API_KEY: 'sk-e2e-test-key-0001',
        OPENAI_BASE_URL: openai.url,
        MASKWORK_MAX_RETRIES: '0',
        MASKWORK_STREAM: '0',
        ...opts.env,
      },
    });
    if (opts.photo) {
      app.dialogs.opens.push(isAbsolute(opts.photo) ? opts.photo : join(PHOTOS, opts.photo));
      await app.page.keyboard.press('Control+o');
      await app.page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
      await waitIdle(app.page);
    }
  } catch (err) {
    // The caller gets neither back, so nothing else would close them.
    await app?.close();
    await openai.close();
    throw err;
  }
  return { app, openai };
}

export async function launchWithStroke(viewport: { width: number; height: number }): Promise<{ app: AppHarness; openai: OpenAIServer }> {
  const launched = await launchOpenAIWithPhoto('coffee.png', viewport);
  await strokeAndPrompt(launched.app.page);
  return launched;
}

/** B, a short brush stroke across coffee.png, gpt-image-2 chosen and "vase" typed, by keys and mouse. */
export async function strokeAndPrompt(page: Page): Promise<void> {
  await page.keyboard.press('b');
  await dragPath(page, [
    [200, 200],
    [320, 210],
  ]);
  await chooseWithKeys(page, page.getByRole('combobox', { name: 'Model' }), 'gpt-image-2');
  await typeInto(page, page.getByRole('textbox', { name: 'Prompt' }), 'vase');
}

/** B, a short stroke across coffee.png, then Ctrl+S saving the project as `<dir>/<name>` (the scripted dialog answers), waited for. */
export async function strokeAndSaveProject(app: AppHarness, dir: string, name: string): Promise<void> {
  await app.page.keyboard.press('b');
  await dragPath(app.page, [
    [200, 150],
    [260, 170],
  ]);
  app.dialogs.saves.push(join(dir, name));
  await app.page.keyboard.press('Control+s');
  await app.page.waitForFunction((n) => (window as any).__maskworkTest.summary().project?.name === `${n}.maskwork`, name);
  await waitIdle(app.page);
}
