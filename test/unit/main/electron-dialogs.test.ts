/**
 * The native dialogs, with `electron` a stand-in that records their options. They start where main
 * says (test/e2e/save-dialog-folder.e2e.test.ts: the photo's folder, the project's): the folder
 * becomes the dialog's `defaultPath` with the offered name — a bare name opened the dialog wherever
 * the OS chose. And they say what they are for: an export's dialog was the OS's plain "Save File" with
 * a Save button, the same as the project's, and the file type read "JPEG".
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronDialogs } from '../../../electron/main/electron-dialogs';
import { photo } from '../../fixtures/bad-images';
import { mainOn, Picks } from '../../support/picked-main';
import { oneStepProject, photoDoc } from '../../support/project-payload';

interface Shown {
  defaultPath?: string;
  title?: string;
  buttonLabel?: string;
  filters?: { name: string; extensions: string[] }[];
}
const shown = vi.hoisted(() => [] as Shown[]);
vi.mock('electron', () => ({
  dialog: {
    showSaveDialog: (opts: Shown) => {
      shown.push(opts);
      return Promise.resolve({ canceled: true, filePath: '' });
    },
    showOpenDialog: (opts: Shown) => {
      shown.push(opts);
      return Promise.resolve({ canceled: true, filePaths: [] });
    },
  },
}));

describe('where the native save dialogs start', () => {
  it('an export starts in the folder main passes, with the offered name', async () => {
    shown.length = 0;
    const folder = join('/photos', 'Wedding 2026');
    expect(await electronDialogs(() => null).chooseExportPath('IMG_0412-edited.jpg', 'jpeg', folder)).toBeNull();
    expect(shown[0].defaultPath).toBe(join(folder, 'IMG_0412-edited.jpg'));
  });

  it('a project starts in the folder main passes; without one, the OS chooses', async () => {
    shown.length = 0;
    const dialogs = electronDialogs(() => null);
    await dialogs.chooseProjectPath!('IMG_0412.maskwork', join('/photos', 'Wedding 2026'));
    await dialogs.chooseProjectPath!('IMG_0412.maskwork');
    expect(shown.map((o) => o.defaultPath)).toEqual([join('/photos', 'Wedding 2026', 'IMG_0412.maskwork'), 'IMG_0412.maskwork']);
  });

  it('a name from the page cannot climb out of the folder', async () => {
    shown.length = 0;
    await electronDialogs(() => null).chooseExportPath('../../etc/x.png', 'png', '/photos');
    expect(shown[0].defaultPath).toBe(join('/photos', 'x.png'));
  });

  it('each dialog says what it is for: its title, its button, its file type', async () => {
    shown.length = 0;
    const dialogs = electronDialogs(() => null);
    await dialogs.chooseImageToOpen();
    await dialogs.chooseExportPath('a-edited.jpg', 'jpeg', '/photos');
    await dialogs.chooseExportPath('a-edited.tif', 'tiff');
    await dialogs.chooseProjectPath!('a.maskwork', '/photos');
    expect(shown.map((o) => [o.title, o.buttonLabel, o.filters?.[0].name])).toEqual([
      ['Open a photo or project', 'Open', 'Images and projects'],
      ['Export as JPEG', 'Export', 'JPEG image'],
      ['Export as TIFF', 'Export', 'TIFF image'],
      ['Save the project as', 'Save', 'Maskwork project'],
    ]);
  });
});

/**
 * A reopened project in a restarted app (fresh main services on a new asset folder, which has no
 * record of main reading the photo): its Export dialog starts in the folder the project records as
 * where its photo came from (`doc.original.sourcePath`), while that folder is there. It started
 * wherever the OS chose; the record only guarded the original against an export over it.
 */
describe('a reopened project’s dialogs, after a restart', () => {
  /** Main's dialogs with the real native save dialog (recording its options; cancelled) for exports. */
  class NativePicks extends Picks {
    readonly native = electronDialogs(() => null);
    override async chooseExportPath(...args: unknown[]) {
      const [name, format, folder] = args as Parameters<ReturnType<typeof electronDialogs>['chooseExportPath']>;
      await this.native.chooseExportPath(name, format, folder);
      return null;
    }
  }
  let tmp: string;
  beforeEach(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'maskwork-dialog-reopened-'));
  });
  afterEach(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it('Export starts in the photo’s folder; with that folder gone, where the OS chooses', async () => {
    const shoot = join(tmp, 'Wedding 2026');
    await mkdir(shoot);
    const photoPath = join(shoot, 'desk.jpg');
    await copyFile(photo('desk-stuff.jpg'), photoPath);
    const picks = new Picks();
    const call = mainOn(join(tmp, 'before'), picks);
    picks.opens.push(photoPath);
    const opened = (await call('image:open', {})).value;
    picks.projects.push(join(tmp, 'desk'));
    const saved = await call('project:save', oneStepProject(photoDoc(opened, 'desk.jpg', { sourcePath: photoPath })));
    expect(saved.ok).toBe(true);

    const picks2 = new NativePicks();
    const call2 = mainOn(join(tmp, 'after'), picks2);
    picks2.opens.push(saved.value.path);
    expect((await call2('image:open', {})).value.project).toBeDefined();
    const exportReq = {
      canvas: { width: opened.width, height: opened.height },
      layers: [{ assetId: opened.assetId, x: 0, y: 0 }],
      format: 'jpeg',
    };
    shown.length = 0;
    expect((await call2('image:export', exportReq)).value).toEqual({ canceled: true });
    expect(shown[0].defaultPath).toBe(join(shoot, 'desk-edited.jpg'));

    await rm(shoot, { recursive: true });
    expect((await call2('image:export', exportReq)).value).toEqual({ canceled: true });
    expect(shown[1].defaultPath).toBe('desk-edited.jpg');
  });
});

describe('which image formats the open dialogs offer', () => {
  it("the batch's Add images… offers exactly Ctrl+O's image formats (it lacked .gif and .avif)", async () => {
    shown.length = 0;
    const dialogs = electronDialogs(() => null);
    await dialogs.chooseImageToOpen();
    await dialogs.chooseImagesToOpen!();
    const [open, batch] = shown.map((o) => o.filters ?? []);
    const openImages = open[0].extensions.filter((e) => e !== 'maskwork');
    expect(batch.map((f) => f.extensions)).toEqual([openImages]);
    expect(openImages).toEqual(expect.arrayContaining(['gif', 'avif', 'psd', 'jpg', 'tif']));
  });

  it("the batch's One mask for all offers mask image formats only: no .maskwork project, no PSD", async () => {
    shown.length = 0;
    await electronDialogs(() => null).chooseMaskToOpen!();
    expect(shown.map((o) => [o.title, o.buttonLabel, o.filters])).toEqual([
      [
        'Choose the mask for every image',
        'Choose',
        [{ name: 'Mask images', extensions: ['jpg', 'jpeg', 'png', 'webp', 'tif', 'tiff', 'gif', 'avif'] }],
      ],
    ]);
  });
});
