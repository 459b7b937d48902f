/**
 * electron/main/services/recovery-offer.ts through the real handlers: a session offered at startup
 * (`project:recover`) that another document's autosave would replace unanswered is first written out
 * as a project of its own (images embedded) in `Recovered/`, listed first in the recent projects, and
 * the autosave's answer says where; restored or discarded, nothing is written; a session that cannot
 * be written out says why and the autosave still lands.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { startMain, type MainHarness } from '../../support/main-harness';
import { photo } from '../../fixtures/bad-images';
import { oneStepProject, photoDoc, readProjectBytes } from '../../support/project-payload';

let main: MainHarness;
beforeEach(async () => {
  main = await startMain();
});
afterEach(async () => {
  await main.close();
});

const recovered = () => join(main.tmp, 'settings', 'Recovered');
const filesIn = async (dir: string) => (await readdir(dir).catch(() => [])) as string[];

/** A photo opened and autosaved as document `id`, with one kept patch layer (its own colour per photo). */
async function autosavePhoto(file: string, id: string) {
  const background = file === 'coffee.png' ? '#0c0' : '#c00';
  const opened = await main.call('image:import', { bytes: new Uint8Array(await readFile(photo(file))), name: file });
  const patch = new Uint8Array(
    await sharp({ create: { width: 8, height: 6, channels: 4, background } })
      .png()
      .toBuffer(),
  );
  const { assetId: patchId } = await main.call('asset:put', { bytes: patch, kind: 'patch' });
  const doc = {
    ...photoDoc(opened, file),
    id,
    layers: [{ id: 'layer-1', name: 'Result 1', assetId: patchId, x: 5, y: 6, width: 8, height: 6 }],
  };
  return { patchId, answer: await main.call('project:autosave', oneStepProject(doc, { label: 'Keep' })) };
}

describe('the session offered at startup', () => {
  it('is saved as a project, embedded, before another document replaces it unanswered', async () => {
    await autosavePhoto('building.jpg', 'doc-building');
    expect(await main.call('project:recover', {})).not.toBeNull(); // the banner's offer
    const { answer } = await autosavePhoto('coffee.png', 'doc-coffee');
    expect(answer.keptAside?.name).toMatch(/^building \(recovered \d{4}-\d\d-\d\d \d\d-\d\d\)\.maskwork$/);
    expect(answer.keptAside.path).toBe(join(recovered(), answer.keptAside.name));
    const { manifest } = readProjectBytes(new Uint8Array(await readFile(answer.keptAside.path)));
    expect(manifest.embedded).toBe(true);
    expect(manifest.project.current.doc.original.name).toBe('building.jpg');
    expect(manifest.assets.every((a: { entry?: string }) => !!a.entry)).toBe(true); // the original and the patch are in it
    expect((await main.call('project:recent', {}))[0].path).toBe(answer.keptAside.path);
    // The autosave is coffee's now; a later save of it writes nothing more.
    expect(readProjectBytes((await main.svc.autosave.load())!).manifest.project.current.doc.original.name).toBe('coffee.png');
    expect((await autosavePhoto('coffee.png', 'doc-coffee')).answer.keptAside).toBeUndefined();
    expect(await filesIn(recovered())).toHaveLength(1);
  });

  it('restored (its own document saves again) or discarded, is not written out', async () => {
    await autosavePhoto('building.jpg', 'doc-building');
    await main.call('project:recover', {});
    expect((await autosavePhoto('building.jpg', 'doc-building')).answer.keptAside).toBeUndefined(); // restored
    expect((await autosavePhoto('coffee.png', 'doc-coffee')).answer.keptAside).toBeUndefined();
    await main.call('project:recover', {});
    await main.call('project:discard', {});
    expect((await autosavePhoto('building.jpg', 'doc-building-2')).answer.keptAside).toBeUndefined();
    expect(await filesIn(recovered())).toEqual([]);
  });

  it('that cannot be written out (its patch gone from the asset folder) says why, and the autosave still lands', async () => {
    const { patchId } = await autosavePhoto('building.jpg', 'doc-building');
    await main.call('project:recover', {});
    await rm(join(main.tmp, 'assets', `${patchId}.bin`));
    const { answer } = await autosavePhoto('coffee.png', 'doc-coffee');
    expect(answer.keptAside.failed).toMatch(/missing|not found|image data/i);
    expect(readProjectBytes((await main.svc.autosave.load())!).manifest.project.current.doc.id).toBe('doc-coffee');
    expect(await filesIn(recovered())).toEqual([]);
  });
});
