/**
 * The app wired to both local protocol servers (OpenAI and Gemini), with a photo open and a hard
 * brush stroke painted: the starting point of the e2e files about choosing between models.
 */
import { join } from 'node:path';
import { type GeminiServer, type OpenAIServer, startGeminiServer, startOpenAIServer } from '../servers';
import { type AppHarness, launchApp, PHOTOS } from './app-harness';
import { dragPath } from './page-helpers';
import { retype, sliderTo } from './user-input';

export interface CloudApp {
  app: AppHarness;
  openai: OpenAIServer;
  gemini: GeminiServer;
  close(): Promise<void>;
}

/** Starts both servers and the app with keys for both, no retries and no streaming (`viewport`: the harness's default unless given). */
export async function launchWithCloudServers(viewport?: { width: number; height: number }): Promise<CloudApp> {
  const openai = await startOpenAIServer();
  const gemini = await startGeminiServer();
  const app = await launchApp({
    ...(viewport ? { viewport } : {}),
    env: {
      OPENAI_API_KEY: 'sk-e2e-test-key-0001',
      GEMINI_API_KEY: 'gm-e2e-test-key-0002',
      OPENAI_BASE_URL: openai.url,
      GOOGLE_GEMINI_BASE_URL: gemini.baseUrl,
      MASKWORK_MAX_RETRIES: '0',
      MASKWORK_STREAM: '0',
    },
  });
  return {
    app,
    openai,
    gemini,
    close: async () => {
      await app.close();
      await openai.close();
      await gemini.close();
    },
  };
}

/** Opens a test photo with Ctrl+O, then paints one hard brush stroke of `size` px along `path`. */
export async function openAndPaint(app: AppHarness, photo: string, size: number, path: [number, number][]): Promise<void> {
  app.dialogs.opens.push(join(PHOTOS, photo));
  await app.page.keyboard.press('Control+o');
  await app.page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
  await app.page.keyboard.press('b');
  await retype(app.page.getByRole('spinbutton', { name: 'Brush size' }), String(size));
  await sliderTo(app.page.getByRole('slider', { name: 'Hardness' }), 'max');
  await dragPath(app.page, path);
}

/** Both servers and the app at 1280×800, coffee.png open and a short 30-px stroke painted: the models-list files' start. */
export async function launchCloudWithShortStroke(): Promise<CloudApp> {
  const cloud = await launchWithCloudServers({ width: 1280, height: 800 });
  await openAndPaint(cloud.app, 'coffee.png', 30, [
    [200, 150],
    [300, 150],
  ]);
  return cloud;
}
